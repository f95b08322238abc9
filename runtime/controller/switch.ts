// The switch: one synchronous step that swaps the configuration and every affected driver generation.
import type { ConfigSnapshot } from '../config/snapshot.js';
import { DriverSlot } from '../drivers/driver-slot.js';
import type { Generation } from '../drivers/generation.js';
import type { ReloadHost } from './reload-host.js';
import type { ReloadPlan } from './reload-plan.js';

/**
 * Assigns the new snapshot and installs every built generation without awaiting anything, so no
 * work can be admitted between the two (no mixed window). Replaced and removed generations start
 * retiring in the background; returns when they all have.
 */
export function switchGenerations(
  host: ReloadHost, applied: ConfigSnapshot, plan: ReloadPlan, built: readonly Generation[], reloadId: number,
): Promise<void> {
  const retirements: Array<Promise<void>> = [];
  const replaced: Generation[] = [];
  host.config = applied;
  for (const generation of built) {
    const slot = host.drivers.slots.get(generation.key);
    if (slot) {
      replaced.push(slot.current);
      slot.current = generation;
    } else {
      host.drivers.slots.set(generation.key, new DriverSlot(generation.spec, generation.context.section, generation));
    }
  }
  for (const slot of plan.removed) {
    host.drivers.slots.delete(slot.key);
    replaced.push(slot.current);
  }
  for (const old of replaced) retirements.push(host.drivers.retire(old, reloadId));
  return Promise.all(retirements).then(() => undefined);
}
