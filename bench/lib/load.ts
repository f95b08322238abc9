// Open-loop load: streams of requests sent on a fixed schedule whether or not earlier ones were
// answered, plus single requests fired on demand. Latency is measured from the scheduled send time
// (so a stalled client loop cannot hide a stall of the service). Every stream is bounded in count and
// in time and stops by itself.
import { probe, type ProbeRequest, type ProbeResult } from './http-probe.js';

/** One finished request; times are milliseconds since the recorder's origin. */
export interface Sample extends ProbeResult {
  stream: string;
  intendedAt: number;
  doneAt: number;
  latencyMs: number;
}

/** A stream: one request every `intervalMs`, starting `offsetMs` after it is started. */
export interface StreamSpec {
  name: string;
  intervalMs: number;
  offsetMs?: number;
  request: ProbeRequest;
  /** Hard bounds: the stream stops by itself after this many requests or milliseconds. */
  maxRequests: number;
  maxDurationMs: number;
}

/** Records every request of one measurement. */
export class LoadRecorder {
  readonly origin = performance.now();
  readonly samples: Sample[] = [];
  private readonly pending = new Set<Promise<Sample>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  /** Milliseconds since the origin. */
  now(): number {
    return performance.now() - this.origin;
  }

  /** Starts a stream; it runs until stopStreams() or its bounds. */
  startStream(spec: StreamSpec): void {
    const start = this.now() + (spec.offsetMs ?? 0);
    let sent = 0;
    const tick = (): void => {
      if (this.stopped) return;
      // Send every request whose time has come (a late timer sends the missed ones at once, each
      // keeping its own scheduled time).
      while (sent < spec.maxRequests && start + sent * spec.intervalMs <= this.now()) {
        const intendedAt = start + sent * spec.intervalMs;
        if (intendedAt - start > spec.maxDurationMs) return;
        sent += 1;
        this.send(spec.name, spec.request, intendedAt);
      }
      if (sent >= spec.maxRequests) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        tick();
      }, Math.max(0, start + sent * spec.intervalMs - this.now()));
      this.timers.add(timer);
    };
    tick();
  }

  /** Sends one request now. */
  fire(stream: string, request: ProbeRequest): Promise<Sample> {
    return this.send(stream, request, this.now());
  }

  /** Stops every stream (requests already sent still finish). */
  stopStreams(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Stops the streams and waits for every request sent; returns all samples in send order. */
  async finish(): Promise<Sample[]> {
    this.stopStreams();
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    return [...this.samples].sort((a, b) => a.intendedAt - b.intendedAt);
  }

  private send(stream: string, request: ProbeRequest, intendedAt: number): Promise<Sample> {
    const running = probe(request).then((result) => {
      const doneAt = this.now();
      const sample: Sample = { ...result, stream, intendedAt, doneAt, latencyMs: doneAt - intendedAt };
      this.samples.push(sample);
      return sample;
    });
    this.pending.add(running);
    void running.finally(() => this.pending.delete(running));
    return running;
  }
}
