// One reload as a transaction: load + validate, diff, make (overlap), drain (exclusive), build, decide.
import { ConfigError } from '../config/errors.js';
import { diffConfig, type ConfigDiff } from '../config/diff.js';
import type { ConfigSnapshot } from '../config/snapshot.js';
import type { DriverSlot } from '../drivers/driver-slot.js';
import type { Generation } from '../drivers/generation.js';
import type { AdmissionGate } from '../gate/admission-gate.js';
import { messageOf } from '../model/message-of.js';
import type { ReloadEndEvent } from '../model/events.js';
import { waitForDrain, waitForDrainingRoom } from './drain.js';
import type { DrainProgress } from './drain-progress.js';
import type { ReloadHost } from './reload-host.js';
import { reloadFailedInternally, reloadStopped, reloadSucceeded, type ReloadIdentity } from './reload-outcome.js';
import { planReload } from './reload-plan.js';
import { ReloadStop } from './reload-stop.js';

/** Why a reload that ran into a stop ends without switching. */
const STOPPING = 'the service began stopping during the reload; nothing was switched';

/**
 * How long gates closed by an exclusive drain stay closed after the decision while the reload's outcome is
 * delivered to the sinks: normally the delivery settles long before, so a stuck sink cannot hold work up.
 */
export const OUTCOME_FIRST_MS = 250;

/** The switch a successful reload asks the runtime to make, in one synchronous step. */
export interface ReloadCommit {
  /** The snapshot to run on from now on. */
  config: ConfigSnapshot;
  /** New generations: each replaces the current one of its slot, or opens a slot for an added section. */
  generations: readonly Generation[];
  /** Slots whose section no longer asks for a driver: they leave, their generation retires. */
  removed: readonly DriverSlot[];
}

/** What one reload decided: the commit to apply (only when it succeeded), and its reload.end. */
export interface ReloadDecision {
  commit?: ReloadCommit;
  end: ReloadEndEvent;
  /**
   * Reopens the gates an exclusive drain closed once the outcome is out: after `delivered` (the end's
   * delivery to the sinks) settles, at most OUTCOME_FIRST_MS, and then on the next turn of the event
   * loop, so that the reload's promise (and the control socket's answer) settle before the released
   * requests start. After a commit they reach the new generation, after an abort the old one.
   */
  releaseGates(delivered: Promise<void>): void;
}

/** Runs steps 1–6 of docs/runtime-api.md; never throws: every failure is a decision without a commit. */
export async function runReloadTransaction(host: ReloadHost, who: ReloadIdentity): Promise<ReloadDecision> {
  try {
    return await decide(host, who);
  } catch (error) {
    host.reportFailure(`reload ${who.id} failed unexpectedly`, error);
    return { end: reloadFailedInternally(who, error), releaseGates: () => undefined };
  }
}

/** The transaction itself; `runReloadTransaction` turns a bug in it into a failed reload. */
async function decide(host: ReloadHost, who: ReloadIdentity): Promise<ReloadDecision> {
  const built: Generation[] = [];
  const closedGates: ClosedGate[] = [];
  const releaseGates = (delivered: Promise<void>) => reopenAfterOutcome(closedGates, delivered);
  let diff: ConfigDiff | undefined;
  try {
    const next = await host.loadNextConfig().catch((cause: unknown) => {
      throw cause instanceof ConfigError ? cause : new ReloadStop('failed', `cannot load the configuration: ${messageOf(cause)}`, { cause });
    });
    diff = diffConfig(host.config, next, host.schema);
    const plan = planReload(host.drivers, diff);
    const budgetSeconds = diff.applied.get('DEFAULT', 'reload_drain_timeout') as number;
    const deadline = performance.now() + budgetSeconds * 1000;

    const reporter = { reloadId: who.id, intervalMs: host.drainProgressIntervalMs, report: (p: DrainProgress) => host.reportDrainProgress(p) };
    const maxDraining = diff.applied.get('DEFAULT', 'reload_max_draining_generations') as number;
    await waitForDrainingRoom(host, plan.overlap.map((entry) => entry.slot), maxDraining, deadline, budgetSeconds, reporter);
    built.push(...await host.drivers.buildAll([...plan.overlap.map((e) => e.target), ...plan.added], diff.applied));

    if (plan.exclusive.length > 0) {
      host.states.moveTo('draining');
      for (const { slot } of plan.exclusive) closedGates.push({ gate: slot.gate, closing: slot.gate.close(budgetSeconds) });
      await waitForDrain(plan.exclusive.map((e) => e.slot), deadline, budgetSeconds, reporter);
      if (host.states.isStopping) throw new ReloadStop('failed', STOPPING);
      host.states.moveTo('reloading');
      built.push(...await host.drivers.buildAll(plan.exclusive.map((e) => e.target), diff.applied));
    }
    if (host.states.isStopping) throw new ReloadStop('failed', STOPPING);
    stopWaitClocks(closedGates);
    const end = reloadSucceeded(who, diff, built.map((g) => g.key));
    return { commit: { config: diff.applied, generations: built, removed: plan.removed }, end, releaseGates };
  } catch (error) {
    stopWaitClocks(closedGates);
    await host.drivers.closeQuietly(built);
    return { end: reloadStopped(who, error, diff?.restartRequired, diff?.applied.warnings), releaseGates };
  }
}

/** A gate the drain closed, with the number of that closing (a later reload may close it again). */
interface ClosedGate {
  gate: AdmissionGate;
  closing: number;
}

/** The outcome is decided: work waiting at the closed gates waits for the reopening, not for a clock. */
function stopWaitClocks(closedGates: readonly ClosedGate[]): void {
  closedGates.forEach(({ gate, closing }) => gate.stopWaitClocks(closing));
}

/** See ReloadDecision.releaseGates. */
function reopenAfterOutcome(closedGates: readonly ClosedGate[], delivered: Promise<void>): void {
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
