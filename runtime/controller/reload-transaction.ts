// One reload as a transaction: load + validate, diff, make (overlap), drain (exclusive), build, switch.
import { ConfigError } from '../config/errors.js';
import { diffConfig, type ConfigDiff } from '../config/diff.js';
import type { EventError, ReloadEndEvent, ReloadTrigger } from '../events.js';
import type { Generation } from '../drivers/generation.js';
import type { DriverSlot } from '../drivers/driver-slot.js';
import { planReload, type ReloadPlan } from './reload-plan.js';
import type { ReloadHost } from './reload-host.js';
import { ReloadStop } from './reload-stop.js';
import { switchGenerations } from './switch.js';
import { waitForDrain, waitForDrainingRoom } from './drain.js';

/** Why a reload that ran into a stop ends without switching. */
const STOPPING = 'the service began stopping during the reload; nothing was switched';

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
  void host.bus.emit({ event: 'reload.start', ...base, time: new Date().toISOString() });

  const built: Generation[] = [];
  const closedGates: DriverSlot[] = [];
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
      for (const { slot } of plan.exclusive) {
        slot.gate.close();
        closedGates.push(slot);
      }
      await waitForDrain(plan.exclusive.map((e) => e.slot), deadline, budgetSeconds);
      if (host.states.isStopping) throw new ReloadStop('failed', STOPPING);
      host.states.moveTo('reloading');
      built.push(...await host.drivers.buildAll(plan.exclusive.map((e) => e.target), diff.applied));
    }
    if (host.states.isStopping) throw new ReloadStop('failed', STOPPING);

    drained = switchGenerations(host, diff.applied, plan, built, id);
    closedGates.splice(0).forEach((slot) => slot.gate.open());
    end = {
      event: 'reload.end', ...base, time: new Date().toISOString(), outcome: 'succeeded',
      changed: diff.changed, restartRequired: diff.restartRequired,
      reinitialised: built.map((g) => g.key), durationMs: Math.round(performance.now() - startedAt),
    };
  } catch (error) {
    await host.drivers.closeQuietly(built);
    closedGates.forEach((slot) => slot.gate.open());
    end = {
      event: 'reload.end', ...base, time: new Date().toISOString(),
      outcome: error instanceof ReloadStop ? error.outcome : 'failed',
      changed: [], restartRequired: diff?.restartRequired ?? [], reinitialised: [],
      durationMs: Math.round(performance.now() - startedAt),
      error: toEventError(error),
    };
  } finally {
    host.drainBudgetSeconds = undefined;
    if (!host.states.isStopping) host.states.moveTo('ready');
  }
  host.lastReload = end;
  await host.bus.emit(end);
  return { end, drained };
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
