// What the reload transaction reads from the runtime it reloads; it changes none of it.
import type { ConfigSchema } from '../config/schema.js';
import type { ConfigSnapshot } from '../config/snapshot.js';
import type { DriverSet } from '../drivers/driver-set.js';
import type { DrainProgress } from './drain-progress.js';
import type { StateMachine } from './states.js';

/** The runtime as the reload transaction sees it: read-only, except the controller's own states. */
export interface ReloadHost {
  readonly schema: ConfigSchema;
  /** The running snapshot, which the reload diffs against (the runtime assigns it when it applies a commit). */
  readonly config: ConfigSnapshot;
  /** Read to plan, used to build and to wait for retirements; the runtime installs what the reload built. */
  readonly drivers: DriverSet;
  /** Moved between reloading and draining while the transaction runs. */
  readonly states: StateMachine;
  /** Reads and validates the configuration files again; throws ConfigError. */
  loadNextConfig(): Promise<ConfigSnapshot>;
  /** How often a waiting reload reports progress, in ms (DRAIN_PROGRESS_INTERVAL_MS unless configured). */
  readonly drainProgressIntervalMs: number;
  /** Emits a drain.progress event. */
  reportDrainProgress(progress: DrainProgress): void;
  /** Reports a failure that must not take the service down (a JSON line on stderr). */
  reportFailure(what: string, error: unknown): void;
}
