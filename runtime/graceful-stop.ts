// Graceful stop: refuse new work, close the start handle, drain within graceful_shutdown_timeout, close drivers.
import type { ConfigSnapshot } from './config/snapshot.js';
import type { ReloadCoalescer } from './controller/coalescer.js';
import type { ReloadResult } from './controller/reload-outcome.js';
import type { StateMachine } from './controller/states.js';
import type { StartHandle } from './define-service.js';
import type { DriverSet } from './drivers/driver-set.js';
import type { InflightTracker } from './gate/inflight-tracker.js';
import { ServiceStoppingError } from './model/errors.js';
import type { ReloadEndEvent, ReloadTrigger } from './model/events.js';
import type { EventBus } from './notify/event-bus.js';
import type { StopResult } from './runtime-api.js';

/** What a stop reads and winds down (the runtime, seen from here). */
export interface StoppableRuntime {
  readonly service: string;
  readonly config: ConfigSnapshot;
  readonly states: StateMachine;
  readonly drivers: DriverSet;
  readonly tracked: InflightTracker;
  readonly coalescer: ReloadCoalescer<ReloadResult, ReloadTrigger>;
  readonly bus: EventBus;
  /** The reload.end a reload asked for while stopping gets. */
  refuseReload(trigger: ReloadTrigger): ReloadEndEvent;
  reportFailure(what: string, error: unknown): void;
}

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
export async function performGracefulStop(rt: StoppableRuntime, startHandle?: StartHandle): Promise<StopResult> {
  rt.states.moveTo('stopping');
  const budgetSeconds = rt.config.get('DEFAULT', 'graceful_shutdown_timeout') as number;
  const deadline = performance.now() + budgetSeconds * 1000;
  const refusal = new ServiceStoppingError(rt.service);
  for (const slot of rt.drivers.slots.values()) slot.gate.rejectWaiters(refusal);
  rt.coalescer.cancelQueued((trigger) => ({ end: rt.refuseReload(trigger), drained: Promise.resolve() }));

  if (startHandle) {
    try {
      await startHandle.close();
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
