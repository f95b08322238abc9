// Which drivers a reload touches: replaced (by mode), added, removed — decided from the config diff.
import type { ConfigDiff } from '../config/diff.js';
import type { DriverSet, DriverTarget } from '../drivers/driver-set.js';
import type { DriverSlot } from '../drivers/driver-slot.js';

/** The drivers one reload changes. */
export interface ReloadPlan {
  /** Affected overlap drivers: built first, switched, old generation drains in the background. */
  overlap: Array<{ slot: DriverSlot; target: DriverTarget }>;
  /** Affected exclusive drivers: gate closed and drained first, then built. */
  exclusive: Array<{ slot: DriverSlot; target: DriverTarget }>;
  /** Sections that gained a driver. */
  added: DriverTarget[];
  /** Slots whose section no longer asks for a driver: retired after the switch. */
  removed: DriverSlot[];
}

/**
 * A driver is affected when an applied option of its section changed, or a [DEFAULT] option it
 * `dependsOn` changed. A driver on the [DEFAULT] section that declares `dependsOn` is affected only
 * by those options. Unaffected drivers keep their generation and their open gate.
 */
export function planReload(drivers: DriverSet, diff: ConfigDiff): ReloadPlan {
  const plan: ReloadPlan = { overlap: [], exclusive: [], added: [], removed: [] };
  const changedSections = new Set(diff.changedSections);
  const changed = new Set(diff.changed);
  const wanted = new Set<string>();
  for (const target of drivers.listTargets(diff.applied)) {
    wanted.add(target.key);
    const slot = drivers.slots.get(target.key);
    if (!slot) {
      plan.added.push(target);
      continue;
    }
    const dependsOn = target.spec.dependsOn;
    const sectionCounts = !(target.section === 'DEFAULT' && dependsOn);
    const affected = (sectionCounts && changedSections.has(target.section))
      || (dependsOn ?? []).some((option) => changed.has(`DEFAULT.${option}`));
    if (!affected) continue;
    (slot.mode === 'exclusive' ? plan.exclusive : plan.overlap).push({ slot, target });
  }
  for (const [key, slot] of drivers.slots) if (!wanted.has(key)) plan.removed.push(slot);
  return plan;
}
