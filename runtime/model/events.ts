// The runtime's notification events: one shape for every sink (listeners, JSON log, JSON-lines file, sd_notify).

/** What asked for a reload. */
export type ReloadTrigger = 'SIGHUP' | 'control-socket' | 'api';

/** How a reload ended: `aborted` means the drain budget ran out and nothing changed. */
export type ReloadOutcome = 'succeeded' | 'failed' | 'aborted';

/** Where a configuration error was found; every field that is known is set. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  section?: string;
  option?: string;
}

/** An error as it travels in events and over the control socket. */
export interface EventError extends ErrorLocation {
  message: string;
}

/** An unknown section or option the configuration holds and ignores (docs/config.md), located like an error. */
export interface EventWarning extends ErrorLocation {
  message: string;
}

/** Emitted when a reload begins, before anything is read. */
export interface ReloadStartEvent {
  event: 'reload.start';
  service: string;
  pid: number;
  /** Increases by one per reload of this process, starting at 1. */
  id: number;
  trigger: ReloadTrigger;
  /** ISO 8601 wall-clock time. */
  time: string;
  /** The running configuration's warnings (what this reload starts from). */
  warnings?: EventWarning[];
}

/** Emitted when a reload is over, whatever its outcome. */
export interface ReloadEndEvent {
  event: 'reload.end';
  service: string;
  pid: number;
  id: number;
  trigger: ReloadTrigger;
  time: string;
  outcome: ReloadOutcome;
  /** Options whose new value is now in effect, as `section.option` (e.g. `DEFAULT.debug`, `backend_a.san_port`). */
  changed: string[];
  /** Immutable options that changed in the files but were NOT applied: a restart is required for them. */
  restartRequired: string[];
  /** Drivers rebuilt by this reload, as `kind:section` (e.g. `volume:backend_a`). */
  reinitialised: string[];
  /** Milliseconds from reload.start to this event. */
  durationMs: number;
  /** Set when outcome is not `succeeded`. */
  error?: EventError;
  /** Unknown sections and options of the configuration this reload read (ignored; empty when it could not be read). */
  warnings?: EventWarning[];
}

/** Emitted when a replaced driver generation has finished its last operation and has been closed (make-before-break). */
export interface DriverRetiredEvent {
  event: 'driver.retired';
  service: string;
  pid: number;
  /** The reload that replaced this driver. */
  reloadId: number;
  /** `kind:section`. */
  driver: string;
  /** Generation number of the retired driver (1 = built at start-up). */
  generation: number;
  /** Operations that finished on it after it was replaced. */
  operationsFinished: number;
  time: string;
}

/** One driver a drain waits for, with the work it still has. */
export interface DrainingDriver {
  /** `kind:section`. */
  driver: string;
  generation: number;
  inFlight: number;
}

/**
 * Emitted every DRAIN_PROGRESS_INTERVAL_MS while a reload waits longer than that: for an exclusive
 * drain or for room among draining generations (`drain`, within reload_drain_timeout), or, for a
 * `--wait-drained` request, for the replaced generations to retire (`retire`, no budget).
 */
export interface DrainProgressEvent {
  event: 'drain.progress';
  service: string;
  pid: number;
  /** The reload that waits. */
  reloadId: number;
  phase: 'drain' | 'retire';
  drivers: DrainingDriver[];
  /** Whole seconds since the wait began. */
  elapsedSeconds: number;
  /** reload_drain_timeout, and the whole seconds left of it (phase `drain` only). */
  budgetSeconds?: number;
  remainingSeconds?: number;
  time: string;
}

/** Every event the runtime emits. */
export type RuntimeEvent = ReloadStartEvent | ReloadEndEvent | DriverRetiredEvent | DrainProgressEvent;
