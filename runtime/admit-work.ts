// Work admission for `rt.use`: find the driver's slot, wait at its gate if a reload closed it, count the work.
import type { ConfigSnapshot } from './config/snapshot.js';
import type { StateMachine } from './controller/states.js';
import type { Lease } from './drivers/driver-spec.js';
import type { DriverSet } from './drivers/driver-set.js';
import { toDriverKey, type DriverSlot } from './drivers/driver-slot.js';
import { ServiceStoppingError, UnknownDriverError } from './model/errors.js';

/** What admission reads from the runtime. */
export interface AdmissionSource {
  readonly service: string;
  readonly config: ConfigSnapshot;
  readonly states: StateMachine;
  readonly drivers: DriverSet;
}

/**
 * Runs `fn` on the current generation of `kind:section`, counted as in flight on it. While a reload
 * holds the gate closed the work waits (bounded by reload_max_waiters and the drain budget), then runs
 * on whatever generation is current when the gate reopens.
 */
export async function runOnDriver<D, R>(
  rt: AdmissionSource, kind: string, section: string, fn: (driver: D, lease: Lease<D>) => Promise<R> | R,
): Promise<R> {
  let slot = findSlot(rt, kind, section);
  while (!slot.gate.isOpen) {
    await slot.gate.pass({
      maxWaiters: rt.config.get('DEFAULT', 'reload_max_waiters') as number,
      timeoutSeconds: rt.config.get('DEFAULT', 'reload_drain_timeout') as number,
    });
    slot = findSlot(rt, kind, section);
  }
  const generation = slot.current;
  const end = generation.tracker.begin();
  const lease: Lease<D> = {
    driver: generation.driver as D, kind, section, key: slot.key, generation: generation.number, config: rt.config,
  };
  try {
    return await fn(lease.driver, lease);
  } finally {
    end();
  }
}

/** The slot new work for `kind:section` goes to; refuses when stopping or unknown. */
function findSlot(rt: AdmissionSource, kind: string, section: string): DriverSlot {
  if (rt.states.isStopping) throw new ServiceStoppingError(rt.service);
  const slot = rt.drivers.slots.get(toDriverKey(kind, section));
  if (!slot) throw new UnknownDriverError(kind, section, [...rt.drivers.slots.keys()]);
  return slot;
}
