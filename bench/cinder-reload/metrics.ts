// The figures of one backend move (issue 2's benchmark) and their spread over repetitions.
import { percentile, spreadOf, type Spread } from '../lib/stats.js';
import type { MoveRun } from './scenario.js';
import { addFailures, countFailures, type FailureCounts } from '../lib/failures.js';

/** Figures of one repetition; ms; NaN = not applicable. */
export interface MoveMetrics {
  failedB: number;
  failedA: number;
  longLost: number;
  bSteadyP50: number;
  bSteadyP99: number;
  bWindowP50: number;
  bWindowP99: number;
  aWindowP50: number;
  aWindowP99: number;
  /** Trigger → first backend_a answer from the new port. */
  toNewPortMs: number;
  /** Trigger → reload.end (restart: trigger → new process ready). */
  toEndMs: number;
  /** Trigger → last long operation answered: the in-flight work a drain has to wait for. */
  longestInFlightMs: number;
  /** toEndMs minus the drain it waited for (overlap waits for none). */
  overheadMs: number;
  toRetiredMs: number;
  /** driver.retired minus the old backend's last operation end (the backend's own log). */
  retiredAfterLastOpMs: number;
}

/** Steady state: requests sent before the trigger, after the first 200 ms. */
const WARM_UP_MS = 200;

/** Computes one repetition's figures; `waitsForDrain` says whether reload.end waits for in-flight work. */
export function computeMoveMetrics(run: MoveRun, waitsForDrain: boolean): MoveMetrics & { failures: FailureCounts } {
  const of = (stream: string) => run.samples.filter((s) => s.stream === stream);
  const [a, b, longs] = [of('a'), of('b'), of('long')];
  const lastLongAt = Math.max(...longs.map((s) => s.doneAt));
  const firstMovedAt = Math.min(...a.filter((s) => s.ok && s.body?.['backend_port'] === run.toPort).map((s) => s.doneAt));
  const toEndMs = (run.endAt ?? run.commandDoneAt) - run.triggerAt;
  const windowEnd = Math.max(lastLongAt, firstMovedAt, run.commandDoneAt, run.endAt ?? 0, run.retiredAt ?? 0);
  const latencies = (samples: typeof a, from: number, to: number) => samples.filter((s) => s.ok && s.intendedAt >= from && s.intendedAt <= to).map((s) => s.latencyMs);
  const longestInFlightMs = lastLongAt - run.triggerAt;
  return {
    failedB: b.filter((s) => !s.ok).length,
    failedA: a.filter((s) => !s.ok).length,
    longLost: longs.filter((s) => !s.ok).length,
    bSteadyP50: percentile(latencies(b, WARM_UP_MS, run.triggerAt), 50),
    bSteadyP99: percentile(latencies(b, WARM_UP_MS, run.triggerAt), 99),
    bWindowP50: percentile(latencies(b, run.triggerAt, windowEnd), 50),
    bWindowP99: percentile(latencies(b, run.triggerAt, windowEnd), 99),
    aWindowP50: percentile(latencies(a, run.triggerAt, windowEnd), 50),
    aWindowP99: percentile(latencies(a, run.triggerAt, windowEnd), 99),
    toNewPortMs: firstMovedAt - run.triggerAt,
    toEndMs,
    longestInFlightMs,
    overheadMs: toEndMs - (waitsForDrain ? longestInFlightMs : 0),
    toRetiredMs: run.retiredAt === undefined ? Number.NaN : run.retiredAt - run.triggerAt,
    retiredAfterLastOpMs: run.retiredAt === undefined || run.oldBackendLastOpAt === undefined ? Number.NaN : run.retiredAt - run.oldBackendLastOpAt,
    failures: countFailures(run.samples),
  };
}

/** Every figure's spread over repetitions. */
export type MoveSummary = Record<keyof MoveMetrics, Spread> & { failures: FailureCounts };

/** Summarises repetitions. */
export function summariseMoves(runs: ReadonlyArray<MoveMetrics & { failures: FailureCounts }>): MoveSummary {
  const keys = Object.keys(runs[0] ?? {}).filter((key) => key !== 'failures') as Array<keyof MoveMetrics>;
  const spreads = Object.fromEntries(keys.map((key) => [key, spreadOf(runs.map((m) => m[key]))])) as Record<keyof MoveMetrics, Spread>;
  return { ...spreads, failures: addFailures(runs.map((m) => m.failures)) };
}
