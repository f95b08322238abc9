// Why requests failed, counted by stream and reason, so the report says what a failure was.
import type { Sample } from './load.js';

/** Counts per "stream: reason" (e.g. "short: ECONNREFUSED"). */
export type FailureCounts = Record<string, number>;

/** The reason of one failed sample, shortened to its kind (status code, error code or first words). */
function reasonOf(sample: Sample): string {
  if (sample.status !== undefined && sample.status !== 200) return `HTTP ${sample.status}: ${(sample.error ?? '').slice(0, 80)}`;
  return (sample.error ?? 'unknown').slice(0, 80);
}

/** Counts the failed samples by stream and reason. */
export function countFailures(samples: readonly Sample[]): FailureCounts {
  const counts: FailureCounts = {};
  for (const sample of samples) {
    if (sample.ok) continue;
    const key = `${sample.stream}: ${reasonOf(sample)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Adds up counts of several repetitions. */
export function addFailures(all: readonly FailureCounts[]): FailureCounts {
  const total: FailureCounts = {};
  for (const counts of all) for (const [key, n] of Object.entries(counts)) total[key] = (total[key] ?? 0) + n;
  return total;
}

/** "reason ×n; …" or undefined when nothing failed. */
export function describeFailures(counts: FailureCounts): string | undefined {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? undefined : entries.map(([key, n]) => `${key} ×${n}`).join('; ');
}
