// Graceful stop: refuse new work, close the start handle, drain within graceful_shutdown_timeout, close drivers.
import type { ReloadEndEvent } from './model/events.js';
import { ServiceStoppingError } from './model/errors.js';
import type { ServiceRuntime } from './service-runtime.js';
import type { StopResult } from './runtime-api.js';

/** Resolves when `work` settles or the deadline (performance.now() value) passes; true when it settled. */
async function settlesBefore(work: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([work.then(() => true, () => true), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stops the runtime: state `stopping`; new work and waiters at closed gates get ServiceStoppingError;
 * a queued reload is answered `failed` without running; the start handle is closed; in-flight work
 * (every generation and rt.track) and a running reload get graceful_shutdown_timeout to finish;
 * then every driver generation is closed and the sinks are closed. Never exits the process.
 */
export async function performGracefulStop(rt: ServiceRuntime): Promise<StopResult> {
  rt.states.moveTo('stopping');
  const budgetSeconds = rt.config.get('DEFAULT', 'graceful_shutdown_timeout') as number;
  const deadline = performance.now() + budgetSeconds * 1000;
  const refusal = new ServiceStoppingError(rt.service);
  for (const slot of rt.drivers.slots.values()) slot.gate.rejectWaiters(refusal);
  rt.coalescer.cancelQueued((trigger) => ({ end: describeRefusedReload(rt, trigger), drained: Promise.resolve() }));

  if (rt.startHandle) {
    try {
      await rt.startHandle.close();
    } catch (error) {
      rt.reportFailure('closing the start handle failed', error);
    }
  }

  const generations = () => rt.drivers.allGenerations();
  const everythingIdle = (async () => {
    await rt.coalescer.whenIdle();
    await rt.tracked.whenIdle();
    await Promise.all(generations().map((generation) => generation.tracker.whenIdle()));
  })();
  await settlesBefore(everythingIdle, deadline);

  const unfinished = rt.tracked.count + generations().reduce((sum, g) => sum + g.tracker.count, 0);
  await rt.drivers.closeQuietly(generations());
  rt.states.moveTo('stopped');
  await rt.bus.close();
  return { exitCode: unfinished > 0 ? 1 : 0, unfinished };
}

/** The reload.end a reload asked for while stopping gets (also a queued one): `failed`, never run. */
export function describeRefusedReload(rt: ServiceRuntime, trigger: ReloadEndEvent['trigger']): ReloadEndEvent {
  return {
    event: 'reload.end', service: rt.service, pid: process.pid, id: rt.nextReloadId(), trigger,
    time: new Date().toISOString(), outcome: 'failed', changed: [], restartRequired: [], reinitialised: [], durationMs: 0,
    error: { message: `service ${rt.service} is stopping; the reload did not run` },
  };
}
