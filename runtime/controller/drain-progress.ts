// While a reload waits for work to drain, it reports how far it is every interval: the runtime turns each
// report into a drain.progress event (systemd's STATUS= and EXTEND_TIMEOUT_USEC=, the reload client's lines).
import type { DriverSlot } from '../drivers/driver-slot.js';
import type { Generation } from '../drivers/generation.js';
import type { DrainingDriver, DrainProgressEvent } from '../model/events.js';

/** A drain.progress event before the runtime stamps it with service, pid and time. */
export type DrainProgress = Omit<DrainProgressEvent, 'event' | 'service' | 'pid' | 'time'>;

/** Where and how often a waiting reload reports. */
export interface ProgressReporter {
  reloadId: number;
  intervalMs: number;
  report(progress: DrainProgress): void;
}

/** Calls `reporter.report(measure(elapsed s))` every interval until the returned function is called. */
export function reportWhileWaiting(reporter: ProgressReporter, measure: (elapsedSeconds: number) => DrainProgress): () => void {
  const started = performance.now();
  const timer = setInterval(() => reporter.report(measure(Math.round((performance.now() - started) / 1000))), reporter.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** What an exclusive drain still waits for: the current generation of each slot with its work. */
export function measureSlots(slots: readonly DriverSlot[]): DrainingDriver[] {
  return slots.map((slot) => describeGeneration(slot.current));
}

/** One generation as a drain.progress entry. */
export function describeGeneration(generation: Generation): DrainingDriver {
  return { driver: generation.key, generation: generation.number, inFlight: generation.tracker.count };
}

/** Phase `drain`: the drivers, and what is left of the budget at `deadline` (a performance.now() value). */
export function drainProgress(reloadId: number, drivers: DrainingDriver[], elapsedSeconds: number, deadline: number, budgetSeconds: number): DrainProgress {
  const remainingSeconds = Math.max(0, Math.round((deadline - performance.now()) / 1000));
  return { reloadId, phase: 'drain', drivers, elapsedSeconds, budgetSeconds, remainingSeconds };
}
