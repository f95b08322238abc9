// The figures of one change (issue 6's list) and their median with min–max over repetitions.
import { percentile, spreadOf, type Spread } from '../lib/stats.js';
import type { Sample } from '../lib/load.js';
import { addFailures, countFailures, type FailureCounts } from '../lib/failures.js';
import type { ChangeRun } from './scenario.js';

/** Figures of one repetition; latencies in ms. NaN = not applicable. */
export interface ChangeMetrics {
  shortFailed: number;
  longLost: number;
  steadyP50: number;
  steadyP99: number;
  steadyMax: number;
  windowP50: number;
  windowP99: number;
  windowMax: number;
  windowRequests: number;
  /** Trigger → first short answer carrying the new configuration (received). */
  timeToNewMs: number;
  /** Send time of the last old answer minus send time of the first new one (0 = no interleaving). */
  mixedMs: number;
  /** Trigger → the triggering command returned (SIGHUP: 0). */
  commandMs: number;
  pidChanged: boolean;
  failures: FailureCounts;
}

/** Steady state starts this long after the load does (the first connections are not representative). */
const WARM_UP_MS = 200;

/**
 * The reload window runs from the trigger until the change is complete: the first new answer was
 * received, the triggering command returned and every long request settled (answered or failed) —
 * and at least until the long requests were due to end, so that ways which cut them short are
 * measured over the same stretch of time.
 */
export function computeChangeMetrics(run: ChangeRun): ChangeMetrics {
  const shorts = run.samples.filter((s) => s.stream === 'short');
  const longs = run.samples.filter((s) => s.stream === 'long');
  const answered = (value: string) => shorts.filter((s) => s.ok && s.body?.['value'] === value);
  const fresh = answered(run.next);
  const stale = answered(run.previous);
  const firstNewAt = Math.min(...fresh.map((s) => s.doneAt));
  const longsDueAt = Math.max(...longs.map((s) => s.intendedAt)) + run.longMs;
  const windowEnd = Math.max(firstNewAt, Number.isNaN(run.commandDoneAt) ? 0 : run.commandDoneAt, longsDueAt, ...longs.map((s) => s.doneAt));
  const latencies = (from: number, to: number) => shorts.filter((s) => s.ok && s.intendedAt >= from && s.intendedAt <= to).map((s) => s.latencyMs);
  const steady = latencies(WARM_UP_MS, run.triggerAt);
  const window = latencies(run.triggerAt, windowEnd);
  const firstNewSent = Math.min(...fresh.map((s) => s.intendedAt));
  const lastOldSent = Math.max(...stale.map((s) => s.intendedAt));
  const pidsOf = (samples: Sample[]) => new Set(samples.map((s) => s.body?.['pid']));
  const oldPids = pidsOf(stale.filter((s) => s.intendedAt < run.triggerAt));
  return {
    shortFailed: shorts.filter((s) => !s.ok).length,
    longLost: longs.filter((s) => !s.ok).length,
    steadyP50: percentile(steady, 50),
    steadyP99: percentile(steady, 99),
    steadyMax: percentile(steady, 100),
    windowP50: percentile(window, 50),
    windowP99: percentile(window, 99),
    windowMax: percentile(window, 100),
    windowRequests: window.length,
    timeToNewMs: firstNewAt - run.triggerAt,
    mixedMs: Math.max(0, lastOldSent - firstNewSent),
    commandMs: run.commandDoneAt - run.triggerAt,
    pidChanged: [...pidsOf(fresh)].some((pid) => !oldPids.has(pid)),
    failures: countFailures(run.samples),
  };
}

/** Every metric's spread over repetitions. */
export type ChangeSummary = { [K in Exclude<keyof ChangeMetrics, 'failures'>]: ChangeMetrics[K] extends number ? Spread : string } & { failures: FailureCounts };

/** Summarises repetitions: numbers as median (min–max), the PID flag as yes / no / "n of m". */
export function summariseChanges(runs: readonly ChangeMetrics[]): ChangeSummary {
  const spread = (pick: (m: ChangeMetrics) => number) => spreadOf(runs.map(pick));
  const changed = runs.filter((m) => m.pidChanged).length;
  return {
    shortFailed: spread((m) => m.shortFailed),
    longLost: spread((m) => m.longLost),
    steadyP50: spread((m) => m.steadyP50),
    steadyP99: spread((m) => m.steadyP99),
    steadyMax: spread((m) => m.steadyMax),
    windowP50: spread((m) => m.windowP50),
    windowP99: spread((m) => m.windowP99),
    windowMax: spread((m) => m.windowMax),
    windowRequests: spread((m) => m.windowRequests),
    timeToNewMs: spread((m) => m.timeToNewMs),
    mixedMs: spread((m) => m.mixedMs),
    commandMs: spread((m) => m.commandMs),
    pidChanged: changed === runs.length ? 'yes' : changed === 0 ? 'no' : `${changed} of ${runs.length}`,
    failures: addFailures(runs.map((m) => m.failures)),
  };
}
