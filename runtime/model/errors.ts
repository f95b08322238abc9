// Errors `rt.use` / `rt.track` raise when work cannot be admitted.

/** The named driver does not exist (message lists the ones that do). */
export class UnknownDriverError extends Error {
  constructor(readonly kind: string, readonly section: string, known: readonly string[]) {
    super(`unknown driver ${kind}:${section} (drivers: ${known.length ? known.join(', ') : 'none'})`);
    this.name = 'UnknownDriverError';
  }
}

/** More work is waiting at a closed gate than `reload_max_waiters` allows. */
export class GateFullError extends Error {
  constructor(readonly driver: string, readonly maxWaiters: number) {
    super(`driver ${driver} is re-initialising and ${maxWaiters} requests are already waiting (reload_max_waiters = ${maxWaiters}); try again later`);
    this.name = 'GateFullError';
  }
}

/** Work waited at a closed gate longer than `reload_drain_timeout`. */
export class GateTimeoutError extends Error {
  constructor(readonly driver: string, readonly waitedSeconds: number) {
    super(`driver ${driver} is re-initialising: waited ${waitedSeconds} s at its gate (reload_drain_timeout) without it reopening`);
    this.name = 'GateTimeoutError';
  }
}

/** The service is stopping and accepts no new work. */
export class ServiceStoppingError extends Error {
  constructor(readonly service: string) {
    super(`service ${service} is stopping and accepts no new work`);
    this.name = 'ServiceStoppingError';
  }
}
