// One reload as a transaction: load + validate, diff, make (overlap), drain (exclusive), build, switch.
import { ConfigError } from '../config/errors.js';
import { diffConfig, type ConfigDiff } from '../config/diff.js';
import type { EventError, ReloadEndEvent, ReloadTrigger } from '../events.js';
import type { Generation } from '../drivers/generation.js';
import { planReload, type ReloadPlan } from './reload-plan.js';
import type { ReloadHost } from './reload-host.js';
import { ReloadStop } from './reload-stop.js';
import { switchGenerations } from './switch.js';
import { waitForDrain, waitForDrainingRoom } from './drain.js';
import type { AdmissionGate } from '../gate/admission-gate.js';

/** Why a reload that ran into a stop ends without switching. */
const STOPPING = 'the service began stopping during the reload; nothing was switched';

/**
 * How long gates closed by an exclusive drain stay closed after the switch while the reload's outcome is
 * delivered to the sinks: normally the delivery settles long before, so a stuck sink cannot hold work up.
 */
export const OUTCOME_FIRST_MS = 250;

/** What one reload produced: its end event, and when the generations it replaced have all retired. */
export interface ReloadResult {
  end: ReloadEndEvent;
  drained: Promise<void>;
}

/** Runs steps 1–7 of docs/runtime-api.md; never throws: every failure becomes a `reload.end` event. */
export async function runReloadTransaction(host: ReloadHost, trigger: ReloadTrigger): Promise<ReloadResult> {
  const id = host.nextReloadId();
  try {
    return await transact(host, trigger, id);
  } catch (error) {
    host.reportFailure(`reload ${id} failed unexpectedly`, error);
    const end: ReloadEndEvent = {
      event: 'reload.end', service: host.service, pid: process.pid, id, trigger, time: new Date().toISOString(),
      outcome: 'failed', changed: [], restartRequired: [], reinitialised: [], durationMs: 0,
      error: { message: `internal error during reload: ${messageOf(error)}` },
    };
    void host.bus.emit(end);
    return { end, drained: Promise.resolve() };
  }
}

/** The transaction itself; `runReloadTransaction` turns a bug in it into a failed reload. */
async function transact(host: ReloadHost, trigger: ReloadTrigger, id: number): Promise<ReloadResult> {
  const startedAt = performance.now();
  const base = { service: host.service, pid: process.pid, id, trigger };
  host.states.moveTo('reloading');
  void host.bus.emit({ event: 'reload.start', ...base, time: new Date().toISOString(), warnings: [...host.config.warnings] });

  const built: Generation[] = [];
  const closedGates: Array<{ gate: AdmissionGate; closing: number }> = [];
  let diff: ConfigDiff | undefined;
  let plan: ReloadPlan | undefined;
  let end: ReloadEndEvent;
  let drained: Promise<void> = Promise.resolve();
  try {
    const next = await host.loadNextConfig().catch((cause: unknown) => {
      throw cause instanceof ConfigError ? cause : new ReloadStop('failed', `cannot load the configuration: ${messageOf(cause)}`, { cause });
    });
    diff = diffConfig(host.config, next, host.schema);
    plan = planReload(host.drivers, diff);
    const budgetSeconds = diff.applied.get('DEFAULT', 'reload_drain_timeout') as number;
    const deadline = performance.now() + budgetSeconds * 1000;
    host.drainBudgetSeconds = budgetSeconds;

    const maxDraining = diff.applied.get('DEFAULT', 'reload_max_draining_generations') as number;
    await waitForDrainingRoom(host, plan.overlap.map((entry) => entry.slot), maxDraining, deadline, budgetSeconds);
    built.push(...await host.drivers.buildAll([...plan.overlap.map((e) => e.target), ...plan.added], diff.applied));

    if (plan.exclusive.length > 0) {
      host.states.moveTo('draining');
      for (const { slot } of plan.exclusive) closedGates.push({ gate: slot.gate, closing: slot.gate.close() });
      await waitForDrain(plan.exclusive.map((e) => e.slot), deadline, budgetSeconds);
      if (host.states.isStopping) throw new ReloadStop('failed', STOPPING);
      host.states.moveTo('reloading');
      built.push(...await host.drivers.buildAll(plan.exclusive.map((e) => e.target), diff.applied));
    }
    if (host.states.isStopping) throw new ReloadStop('failed', STOPPING);

    drained = switchGenerations(host, diff.applied, plan, built, id);
    stopWaitClocks(closedGates);
    end = {
      event: 'reload.end', ...base, time: new Date().toISOString(), outcome: 'succeeded',
      changed: diff.changed, restartRequired: diff.restartRequired,
      reinitialised: built.map((g) => g.key), durationMs: Math.round(performance.now() - startedAt),
      warnings: [...diff.applied.warnings],
    };
  } catch (error) {
    stopWaitClocks(closedGates);
    await host.drivers.closeQuietly(built);
    end = {
      event: 'reload.end', ...base, time: new Date().toISOString(),
      outcome: error instanceof ReloadStop ? error.outcome : 'failed',
      changed: [], restartRequired: diff?.restartRequired ?? [], reinitialised: [],
      durationMs: Math.round(performance.now() - startedAt),
      error: toEventError(error),
      warnings: [...(diff?.applied.warnings ?? [])],
    };
  } finally {
    host.drainBudgetSeconds = undefined;
    if (!host.states.isStopping) host.states.moveTo('ready');
  }
  host.lastReload = end;
  const delivered = host.bus.emit(end);
  reopenAfterOutcome(closedGates, delivered);
  await delivered;
  return { end, drained };
}

/** The outcome is decided: work waiting at the closed gates waits for the reopening, not for a clock. */
function stopWaitClocks(closedGates: ReadonlyArray<{ gate: AdmissionGate; closing: number }>): void {
  closedGates.forEach(({ gate, closing }) => gate.stopWaitClocks(closing));
}

/**
 * Reopens the gates of an exclusive drain once the outcome is out: after its delivery to the sinks has
 * settled (at most OUTCOME_FIRST_MS), and then on the next turn of the event loop, so that the reload's
 * promise (and the control socket's answer) settle before the released requests start their work.
 * After a switch they go to the new generation, after an abort to the old one: nothing switches meanwhile.
 */
function reopenAfterOutcome(closedGates: ReadonlyArray<{ gate: AdmissionGate; closing: number }>, delivered: Promise<void>): void {
  if (closedGates.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, OUTCOME_FIRST_MS);
  });
  void Promise.race([delivered, limit]).then(() => {
    clearTimeout(timer);
    setImmediate(() => closedGates.forEach(({ gate, closing }) => gate.open(closing)));
  });
}

/** The event form of a failure: its own message, plus the location of a ConfigError it is or wraps. */
function toEventError(error: unknown): EventError {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ConfigError) return { ...cause.toEventError(), message: messageOf(error) };
  }
  return { message: messageOf(error) };
}

/** An error's message, or the thing itself as text. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
