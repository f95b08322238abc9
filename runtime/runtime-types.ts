// The runtime object `rt` a service receives: configuration, work admission, reload, events, stop.
import type { ConfigSnapshot } from './config/snapshot.js';
import type { Lease } from './drivers/driver-spec.js';
import type { EventWarning, ReloadEndEvent, ReloadTrigger, RuntimeEvent } from './events.js';
import type { NotificationSink } from './notify/sink.js';

/** Controller states: starting → ready ⇄ reloading ⇄ draining → stopping → stopped. */
export type RuntimeState = 'starting' | 'ready' | 'reloading' | 'draining' | 'stopping' | 'stopped';

/** Arguments of `rt.reload`. */
export interface ReloadRequest {
  /** Default `api`. */
  trigger?: ReloadTrigger;
  /** Resolve only after every generation this reload replaced has retired. */
  waitDrained?: boolean;
}

/** A replaced generation still finishing its work. */
export interface DrainingGeneration {
  driver: string;
  generation: number;
  inFlight: number;
  /** The reload that replaced it. */
  reloadId: number;
}

/** What `rt.status()` returns (also sent by the control socket). */
export interface RuntimeStatus {
  service: string;
  pid: number;
  state: RuntimeState;
  /** Current generation per `kind:section`. */
  generations: Record<string, number>;
  /** Work in flight per `kind:section`, all generations counted. */
  inFlight: Record<string, number>;
  /** Work counted by `rt.track`. */
  trackedInFlight: number;
  draining: DrainingGeneration[];
  configFiles: string[];
  /** Unknown sections and options of the running configuration, ignored (docs/config.md). */
  configWarnings?: EventWarning[];
  lastReload?: ReloadEndEvent;
}

/** What `rt.stop()` resolves with. */
export interface StopResult {
  /** 0 when everything drained, 1 when graceful_shutdown_timeout ran out with work still running. */
  exitCode: 0 | 1;
  /** Operations still running when the budget ran out. */
  unfinished: number;
}

/** Receives events of one name (or every event, for `*`). */
export type EventListener<E extends RuntimeEvent = RuntimeEvent> = (event: E) => void;

/** The runtime of one service process. */
export interface Runtime {
  readonly service: string;
  /** The current immutable configuration; read options from here each time, never copy them. */
  readonly config: ConfigSnapshot;
  readonly state: RuntimeState;
  /** Runs `fn` on the current generation of driver `kind:section`, counted as in flight on it. */
  use<D = any, R = unknown>(kind: string, section: string, fn: (driver: D, lease: Lease<D>) => Promise<R> | R): Promise<R>;
  /** Counts work that uses no driver, so that stop waits for it. */
  track<R>(fn: () => Promise<R> | R): Promise<R>;
  /**
   * Reloads (coalesced) and resolves with the `reload.end` event of the reload covering this request.
   * Never rejects: a reload asked for during start-up waits for it; one asked for while stopping
   * resolves `failed` without running.
   */
  reload(request?: ReloadRequest): Promise<ReloadEndEvent>;
  /** Subscribes to one event name or `*`; returns the unsubscribe function. */
  on<N extends RuntimeEvent['event']>(name: N, listener: EventListener<Extract<RuntimeEvent, { event: N }>>): () => void;
  on(name: '*', listener: EventListener): () => void;
  /** Adds a notification sink after start-up. */
  addSink(sink: NotificationSink): void;
  /** Resolves when no replaced generation is draining any more. */
  waitDrained(): Promise<void>;
  status(): RuntimeStatus;
  /** Graceful stop; idempotent (every call gets the same result). Does not exit the process. */
  stop(): Promise<StopResult>;
}
