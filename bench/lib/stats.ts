// Percentiles of one run and the median with min–max over repetitions.

/** Nearest-rank percentile (p in 0..100) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/** Median, min and max of a metric over repetitions (NaN values, i.e. "not applicable", are skipped). */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** How many repetitions had a value. */
  count: number;
}

/** Summarises one metric over repetitions. */
export function spreadOf(values: readonly number[]): Spread {
  const present = values.filter((v) => !Number.isNaN(v));
  if (present.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, count: 0 };
  const sorted = [...present].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] as number : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number, count: present.length };
}

/** Formats a number with `digits` decimals, or "–" when not applicable. */
export function formatNumber(value: number, digits = 0): string {
  return Number.isNaN(value) ? '–' : value.toFixed(digits);
}

/** "median (min–max)", or just the value when every repetition gave the same one. */
export function formatSpread(spread: Spread, digits = 0): string {
  if (spread.count === 0) return '–';
  const median = formatNumber(spread.median, digits);
  const min = formatNumber(spread.min, digits);
  const max = formatNumber(spread.max, digits);
  return min === max ? median : `${median} (${min}–${max})`;
}
