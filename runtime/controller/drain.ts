// Waiting within the drain budget: for exclusive drivers to drain, for overlap drivers to have room.
import type { DriverSlot } from '../drivers/driver-slot.js';
import { describeGeneration, drainProgress, measureSlots, reportWhileWaiting, type ProgressReporter } from './drain-progress.js';
import type { ReloadHost } from './reload-host.js';
import { ReloadStop } from './reload-stop.js';

/** Resolves true if `work` settles before `deadline` (a performance.now() value), false otherwise. */
async function settlesBefore(work: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([work.then(() => true), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits for the current generation of every slot to have no work, reporting progress every interval;
 * aborts the reload at the deadline.
 */
export async function waitForDrain(slots: readonly DriverSlot[], deadline: number, budgetSeconds: number, reporter: ProgressReporter): Promise<void> {
  const idle = Promise.all(slots.map((slot) => slot.current.tracker.whenIdle()));
  const stopReporting = reportWhileWaiting(reporter, (elapsed) =>
    drainProgress(reporter.reloadId, measureSlots(slots), elapsed, deadline, budgetSeconds));
  const drained = await settlesBefore(idle, deadline).finally(stopReporting);
  if (drained) return;
  const busy = slots.filter((slot) => slot.current.tracker.count > 0)
    .map((slot) => `${slot.key} (${slot.current.tracker.count} in flight)`);
  throw new ReloadStop('aborted',
    `drain did not finish within reload_drain_timeout (${budgetSeconds} s): ${busy.join(', ')}; `
    + 'the reload was aborted, nothing was killed, the running configuration and drivers stay');
}

/**
 * An overlap driver may have at most `maxDraining` replaced generations still draining. At the bound,
 * the reload waits (gates stay open, new work keeps going to the current generation) for the oldest to
 * retire; if none does before the deadline the reload is aborted and nothing changes.
 */
export async function waitForDrainingRoom(
  host: ReloadHost, slots: readonly DriverSlot[], maxDraining: number, deadline: number, budgetSeconds: number, reporter: ProgressReporter,
): Promise<void> {
  for (const slot of slots) {
    while (slot.draining.size >= maxDraining) {
      host.states.moveTo('draining');
      const oldest = slot.oldestDraining();
      if (!oldest) break;
      const stopReporting = reportWhileWaiting(reporter, (elapsed) =>
        drainProgress(reporter.reloadId, [describeGeneration(oldest)], elapsed, deadline, budgetSeconds));
      if (!(await settlesBefore(host.drivers.whenRetired(oldest), deadline).finally(stopReporting))) {
        throw new ReloadStop('aborted',
          `driver ${slot.key} already has ${slot.draining.size} replaced generation${slot.draining.size === 1 ? '' : 's'} draining `
          + `(reload_max_draining_generations = ${maxDraining}) and the oldest did not retire within `
          + `reload_drain_timeout (${budgetSeconds} s); the reload was aborted, nothing changed`);
      }
    }
  }
  if (host.states.state === 'draining') host.states.moveTo('reloading');
}
