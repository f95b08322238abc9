// The runtime's metrics: what reloads did (counted from reload.end events) and what runs now (from status).
import type { ReloadEndEvent, ReloadOutcome } from '../model/events.js';
import type { RuntimeStatus } from '../status.js';
import type { MetricFamily } from './exposition.js';

/** Upper bounds of reloadkit_reload_duration_seconds: from a config-only reload to a long drain. */
export const RELOAD_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] as const;

/** Every outcome, so that each counter exists (at 0) before the first reload. */
const OUTCOMES: readonly ReloadOutcome[] = ['succeeded', 'failed', 'aborted'];

/** Counts reloads; `collect` turns them and a status into metric families. */
export class ReloadMetrics {
  private lastSuccessful = 1;
  private lastSuccessSeconds: number;
  private readonly totals = new Map<ReloadOutcome, number>(OUTCOMES.map((outcome) => [outcome, 0]));
  private readonly bucketCounts = RELOAD_DURATION_BUCKETS.map(() => 0);
  private durationSum = 0;
  private durationCount = 0;

  /** `startedAt`: when start-up loaded the configuration, the first successful "reload" (as Prometheus itself counts it). */
  constructor(startedAt: Date = new Date()) {
    this.lastSuccessSeconds = startedAt.getTime() / 1000;
  }

  /** Records one reload.end. */
  observe(end: ReloadEndEvent): void {
    this.totals.set(end.outcome, (this.totals.get(end.outcome) ?? 0) + 1);
    this.lastSuccessful = end.outcome === 'succeeded' ? 1 : 0;
    if (end.outcome === 'succeeded') this.lastSuccessSeconds = Date.parse(end.time) / 1000;
    const seconds = end.durationMs / 1000;
    const index = RELOAD_DURATION_BUCKETS.findIndex((bound) => seconds <= bound);
    if (index >= 0) this.bucketCounts[index]! += 1;
    this.durationSum += seconds;
    this.durationCount += 1;
  }

  /** The families in exposition order; per-driver gauges list every driver, 0 included. */
  collect(status: RuntimeStatus): MetricFamily[] {
    const drivers = [...new Set([...Object.keys(status.generations), ...Object.keys(status.inFlight)])].sort();
    const draining = (driver: string): number => status.draining.filter((generation) => generation.driver === driver).length;
    return [
      { name: 'reloadkit_config_last_reload_successful', type: 'gauge', help: 'Whether the last configuration reload attempt was successful (1) or not (0).', samples: [{ value: this.lastSuccessful }] },
      { name: 'reloadkit_config_last_reload_success_timestamp_seconds', type: 'gauge', help: 'Timestamp of the last successful configuration reload (start-up counts as one).', samples: [{ value: this.lastSuccessSeconds }] },
      { name: 'reloadkit_reloads_total', type: 'counter', help: 'Reloads by outcome.', samples: OUTCOMES.map((outcome) => ({ labels: { outcome }, value: this.totals.get(outcome) ?? 0 })) },
      {
        name: 'reloadkit_reload_duration_seconds', type: 'histogram', help: 'Time from reload.start to reload.end.',
        histogram: { buckets: RELOAD_DURATION_BUCKETS, counts: this.bucketCounts, sum: this.durationSum, count: this.durationCount },
      },
      { name: 'reloadkit_inflight_operations', type: 'gauge', help: 'Operations in flight per driver, every generation counted.', samples: drivers.map((driver) => ({ labels: { driver }, value: status.inFlight[driver] ?? 0 })) },
      { name: 'reloadkit_draining_generations', type: 'gauge', help: 'Replaced driver generations still finishing their work.', samples: drivers.map((driver) => ({ labels: { driver }, value: draining(driver) })) },
      { name: 'reloadkit_config_warnings', type: 'gauge', help: 'Unknown sections and options the running configuration ignores.', samples: [{ value: status.configWarnings?.length ?? 0 }] },
    ];
  }
}
