// EventBus: hands every runtime event to in-process listeners and to notification sinks, in order.
import type { RuntimeEvent } from '../model/events.js';
import type { NotificationSink } from './sink.js';

/** A listener of one event name, or of `*`. */
type Listener = (event: RuntimeEvent) => void;

/** How long `emit` waits for slow sinks before going on (delivery continues in the background). */
export const SINK_WAIT_MS = 5000;

/** Reports a failing listener or sink without ever throwing (default: a JSON line on stderr). */
export type FailureReporter = (what: string, error: unknown) => void;

/** Listeners are called synchronously; each sink receives events one after another, in emit order. */
export class EventBus {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly sinks: Array<{ sink: NotificationSink; queue: Promise<void> }> = [];
  private closed = false;

  constructor(private readonly report: FailureReporter) {}

  /** Subscribes; returns the unsubscribe function. */
  on(name: string, listener: Listener): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener);
    return () => set?.delete(listener);
  }

  /** Adds a sink; it receives events emitted from now on. */
  addSink(sink: NotificationSink): void {
    this.sinks.push({ sink, queue: Promise.resolve() });
  }

  /**
   * Calls listeners now, queues the event on every sink, and resolves once every sink has taken it
   * (or after SINK_WAIT_MS, so a stuck sink cannot hold up a reload). Never rejects.
   */
  emit(event: RuntimeEvent): Promise<void> {
    for (const name of [event.event, '*']) {
      for (const listener of this.listeners.get(name) ?? []) {
        try {
          listener(event);
        } catch (error) {
          this.report(`listener of ${event.event} failed`, error);
        }
      }
    }
    if (this.closed) return Promise.resolve();
    const deliveries = this.sinks.map((entry) => {
      entry.queue = entry.queue.then(async () => {
        try {
          await entry.sink.deliver(event);
        } catch (error) {
          this.report(`notification sink ${entry.sink.name} failed to deliver ${event.event}`, error);
        }
      });
      return entry.queue;
    });
    return waitAtMost(Promise.all(deliveries).then(() => undefined), SINK_WAIT_MS);
  }

  /** Waits for queued deliveries, then closes every sink (errors reported); later events reach listeners only. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await waitAtMost(Promise.all(this.sinks.map((entry) => entry.queue)).then(() => undefined), SINK_WAIT_MS);
    for (const { sink } of this.sinks) {
      try {
        await sink.close?.();
      } catch (error) {
        this.report(`notification sink ${sink.name} failed to close`, error);
      }
    }
  }
}

/** Resolves when `work` settles or after `ms`, whichever is first; the timer does not keep the process up. */
function waitAtMost(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
