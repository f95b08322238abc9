// What each way of changing the configuration (runtime reload, restart, pm2 reload, …) provides to the scenario.

/** One way of applying a configuration change to a running HTTP service on 127.0.0.1. */
export interface ChangeTarget {
  /** Row label in the table. */
  readonly label: string;
  /** Port the service answers on. */
  readonly port: number;
  /** Starts the service with the answer `initial` and waits until it answers. */
  setUp(initial: string): Promise<void>;
  /** Writes the new configuration (not timed). */
  prepare(next: string): Promise<void>;
  /** Triggers the change; resolves when the triggering command has finished (SIGHUP: at once). */
  trigger(): Promise<void>;
  /** Stops everything it started. */
  tearDown(): Promise<void>;
}
