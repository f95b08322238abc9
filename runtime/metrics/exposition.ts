// Prometheus text exposition format 0.0.4, written by hand: the runtime has no dependencies, and the
// handful of gauges, counters and one histogram it exposes need only this (docs/metrics.md).

/** One sample: its labels and value (a histogram's samples are generated from HistogramValue). */
export interface Sample {
  labels?: Readonly<Record<string, string>>;
  value: number;
}

/** A histogram's cumulative state. */
export interface HistogramValue {
  /** Upper bounds, ascending, without +Inf. */
  buckets: readonly number[];
  /** Observations ≤ each bound (same length as `buckets`), not yet cumulative. */
  counts: readonly number[];
  sum: number;
  count: number;
}

/** One metric family as exposed under one name. */
export type MetricFamily =
  | { name: string; help: string; type: 'gauge' | 'counter'; samples: readonly Sample[] }
  | { name: string; help: string; type: 'histogram'; histogram: HistogramValue };

/** The content type Prometheus expects for this format. */
export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Formats the families in order, each with its HELP and TYPE lines; ends with a newline. */
export function formatExposition(families: readonly MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    if (family.type === 'histogram') {
      const { buckets, counts, sum, count } = family.histogram;
      let cumulative = 0;
      buckets.forEach((bound, index) => {
        cumulative += counts[index] ?? 0;
        lines.push(`${family.name}_bucket{le="${formatNumber(bound)}"} ${cumulative}`);
      });
      lines.push(`${family.name}_bucket{le="+Inf"} ${count}`, `${family.name}_sum ${formatNumber(sum)}`, `${family.name}_count ${count}`);
    } else {
      for (const sample of family.samples) lines.push(`${family.name}${formatLabels(sample.labels)} ${formatNumber(sample.value)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `{a="x",b="y"}`, or nothing without labels. */
function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return '';
  return `{${entries.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',')}}`;
}

/** Label values escape backslash, double quote and line feed. */
function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** HELP text escapes backslash and line feed. */
function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/** Go's float formatting for the special values; integers without a fraction. */
function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}
