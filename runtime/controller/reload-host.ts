// What the reload transaction needs from the runtime it reloads.
import type { ConfigSchema } from '../config/schema.js';
import type { ConfigSnapshot } from '../config/snapshot.js';
import type { DriverSet } from '../drivers/driver-set.js';
import type { ReloadEndEvent } from '../model/events.js';
import type { EventBus } from '../notify/event-bus.js';
import type { StateMachine } from './states.js';

/** The runtime's state as the reload transaction sees and changes it. */
export interface ReloadHost {
  readonly service: string;
  readonly schema: ConfigSchema;
  readonly drivers: DriverSet;
  readonly states: StateMachine;
  readonly bus: EventBus;
  /** The running snapshot; the switch assigns it. */
  config: ConfigSnapshot;
  /** Set while a reload runs: the drain budget (new files' reload_drain_timeout) gate waits use. */
  drainBudgetSeconds?: number;
  lastReload?: ReloadEndEvent;
  /** Reads and validates the configuration files again; throws ConfigError. */
  loadNextConfig(): Promise<ConfigSnapshot>;
  /** 1, 2, 3, … per reload of this process. */
  nextReloadId(): number;
  /** Reports a failure that must not take the service down (a JSON line on stderr). */
  reportFailure(what: string, error: unknown): void;
}
