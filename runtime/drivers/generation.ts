// Generation: one built instance of a driver, its in-flight count, and its retirement.
import { InflightTracker } from '../gate/inflight-tracker.js';
import type { DriverContext, DriverSpec } from './driver-spec.js';

/** `live` serves new work; `draining` was replaced and finishes what it has; `closed` is gone. */
export type GenerationState = 'live' | 'draining' | 'closed';

/** One generation of one driver. */
export class Generation<D = unknown> {
  readonly tracker = new InflightTracker();
  state: GenerationState = 'live';
  /** The reload that replaced it, once replaced. */
  replacedBy?: number;
  private finishedBeforeReplacement = 0;
  private closing?: Promise<void>;
  private retiring?: Promise<number>;

  constructor(readonly spec: DriverSpec<D>, readonly context: DriverContext, readonly driver: D) {}

  /** `kind:section`. */
  get key(): string {
    return this.context.key;
  }

  /** Generation number. */
  get number(): number {
    return this.context.generation;
  }

  /** Marks it replaced by `reloadId`; operations counted from now on are "finished after replacement". */
  markReplaced(reloadId: number): void {
    this.state = 'draining';
    this.replacedBy = reloadId;
    this.finishedBeforeReplacement = this.tracker.finished;
  }

  /** Operations that ended since it was marked replaced. */
  get finishedSinceReplaced(): number {
    return this.tracker.finished - this.finishedBeforeReplacement;
  }

  /**
   * Waits for its last operation, then closes it (never cutting work short); resolves with the number of
   * operations finished since it was replaced. Calling it again returns the same promise.
   */
  retire(): Promise<number> {
    this.retiring ??= this.tracker.whenIdle().then(async () => {
      await this.close();
      return this.finishedSinceReplaced;
    });
    return this.retiring;
  }

  /** Closes the instance once (spec.close, or the driver's own close()); errors propagate to the caller. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.state = 'closed';
      if (this.spec.close) {
        await this.spec.close(this.driver, this.context);
        return;
      }
      const closable = this.driver as { close?: () => unknown } | null;
      if (closable && typeof closable.close === 'function') await closable.close();
    })();
    return this.closing;
  }
}
