// describeStatus: the runtime's state as plain JSON (rt.status(), the control socket's `status`).
import type { DriverSet } from './drivers/driver-set.js';
import type { ConfigSnapshot } from './config/snapshot.js';
import type { ReloadEndEvent } from './events.js';
import type { InflightTracker } from './gate/inflight-tracker.js';
import type { RuntimeState, RuntimeStatus } from './runtime-types.js';

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
