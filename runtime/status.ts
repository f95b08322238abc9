// The runtime's state as plain JSON (rt.status(), the control socket's `status`): its shape and describeStatus.
import type { DriverSet } from './drivers/driver-set.js';
import type { ConfigSnapshot } from './config/snapshot.js';
import type { RuntimeState } from './controller/states.js';
import type { EventWarning, ReloadEndEvent } from './model/events.js';
import type { InflightTracker } from './gate/inflight-tracker.js';

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

/** What describeStatus reads. */
export interface StatusSource {
  service: string;
  state: RuntimeState;
  drivers: DriverSet;
  tracked: InflightTracker;
  config?: ConfigSnapshot;
  lastReload?: ReloadEndEvent;
}

/** A JSON-safe picture of the runtime now. */
export function describeStatus(rt: StatusSource): RuntimeStatus {
  const generations: Record<string, number> = {};
  const inFlight: Record<string, number> = {};
  for (const [key, slot] of rt.drivers.slots) {
    generations[key] = slot.current.number;
    inFlight[key] = slot.current.tracker.count;
  }
  const draining = [...rt.drivers.retiring].filter((g) => g.state !== 'closed').map((generation) => {
    inFlight[generation.key] = (inFlight[generation.key] ?? 0) + generation.tracker.count;
    return { driver: generation.key, generation: generation.number, inFlight: generation.tracker.count, reloadId: generation.replacedBy ?? 0 };
  });
  const status: RuntimeStatus = {
    service: rt.service, pid: process.pid, state: rt.state, generations, inFlight,
    trackedInFlight: rt.tracked.count, draining, configFiles: [...(rt.config?.files ?? [])],
    configWarnings: [...(rt.config?.warnings ?? [])],
  };
  if (rt.lastReload) status.lastReload = rt.lastReload;
  return status;
}
