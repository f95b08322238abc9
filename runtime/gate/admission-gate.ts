// AdmissionGate: while closed, new work waits (bounded in number and in time) instead of failing.
import { GateFullError, GateTimeoutError } from '../model/errors.js';

/** How long and how many may wait, read from the configuration at the moment of waiting. */
export interface GateLimits {
  maxWaiters: number;
  /** Used when the closing gave no wait budget of its own. */
  timeoutSeconds: number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** One driver's gate: open lets work through at once; closed queues it until open() or a rejection. */
export class AdmissionGate {
  private closed = false;
  private closings = 0;
  private waitBudget?: number;
  private readonly waiters = new Set<Waiter>();

  constructor(readonly driver: string) {}

  /** Whether work passes without waiting. */
  get isOpen(): boolean {
    return !this.closed;
  }

  /** How many are waiting now. */
  get waiting(): number {
    return this.waiters.size;
  }

  /**
   * Makes new work wait; returns the number of this closing, for `open(closing)`. `waitSeconds` (the
   * closing reload's drain budget) bounds each wait instead of the caller's `timeoutSeconds`.
   */
  close(waitSeconds?: number): number {
    this.closed = true;
    this.closings += 1;
    this.waitBudget = waitSeconds;
    return this.closings;
  }

  /**
   * Lets waiting and new work through. With `closing`, only if nobody closed the gate again since that
   * closing (a late reopen must not undo the closing of a later reload).
   */
  open(closing?: number): void {
    if (closing !== undefined && closing !== this.closings) return;
    this.closed = false;
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve();
    }
    this.waiters.clear();
  }

  /**
   * The reload behind `closing` has decided its outcome and opens the gate as soon as the outcome is out:
   * work already waiting no longer times out (its wait budget was the drain's, and the drain is over).
   */
  stopWaitClocks(closing: number): void {
    if (closing !== this.closings) return;
    for (const waiter of this.waiters) clearTimeout(waiter.timer);
  }

  /** Fails every waiter with `error` (e.g. the service is stopping); the gate stays as it is. */
  rejectWaiters(error: Error): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters.clear();
  }

  /**
   * Resolves when the gate is open; GateFullError past maxWaiters, GateTimeoutError past the closing's
   * wait budget (else `timeoutSeconds`).
   */
  pass(limits: GateLimits): Promise<void> {
    if (!this.closed) return Promise.resolve();
    if (this.waiters.size >= limits.maxWaiters) return Promise.reject(new GateFullError(this.driver, limits.maxWaiters));
    const timeoutSeconds = this.waitBudget ?? limits.timeoutSeconds;
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new GateTimeoutError(this.driver, timeoutSeconds));
        }, timeoutSeconds * 1000),
      };
      this.waiters.add(waiter);
    });
  }
}
