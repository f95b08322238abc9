// InflightTracker: counts running operations and tells when none is left.

/** Counts operations begun and not yet ended; resolves idle-waiters when the count reaches zero. */
export class InflightTracker {
  private running = 0;
  private ended = 0;
  private idleWaiters: Array<() => void> = [];

  /** Operations running now. */
  get count(): number {
    return this.running;
  }

  /** Operations that have ended since the tracker was created. */
  get finished(): number {
    return this.ended;
  }

  /** Counts one operation; returns its end function (calling it twice counts once). */
  begin(): () => void {
    this.running += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.running -= 1;
      this.ended += 1;
      if (this.running === 0) this.wakeIdleWaiters();
    };
  }

  /** Resolves when nothing is running (at once if nothing is). */
  whenIdle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Resolves true when idle within `timeoutMs`, false when the time ran out first. */
  async waitIdle(timeoutMs: number): Promise<boolean> {
    if (this.running === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      return await Promise.race([this.whenIdle().then(() => true), expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  private wakeIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }
}
