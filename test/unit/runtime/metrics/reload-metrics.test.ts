// What the metrics say before any reload, after a failed one and after a good one; per-driver gauges.
import t from 'tap';
import type { ReloadEndEvent } from '../../../../runtime/model/events.js';
import { formatExposition } from '../../../../runtime/metrics/exposition.js';
import { ReloadMetrics } from '../../../../runtime/metrics/reload-metrics.js';
import type { RuntimeStatus } from '../../../../runtime/status.js';

const status: RuntimeStatus = {
  service: 'svc', pid: 1, state: 'ready', generations: { 'volume:a': 2, 'volume:b': 1 }, inFlight: { 'volume:a': 3, 'volume:b': 0 },
  trackedInFlight: 0, draining: [{ driver: 'volume:a', generation: 1, inFlight: 2, reloadId: 1 }], configFiles: [],
  configWarnings: [{ message: 'unknown' }, { message: 'unknown too' }],
};
const end = (outcome: ReloadEndEvent['outcome'], durationMs: number, time: string): ReloadEndEvent => ({
  event: 'reload.end', service: 'svc', pid: 1, id: 1, trigger: 'api', time, outcome, changed: [], restartRequired: [], reinitialised: [], durationMs,
});
/** The value lines of the exposition (no HELP/TYPE). */
const values = (metrics: ReloadMetrics): string[] => formatExposition(metrics.collect(status)).split('\n').filter((l) => l !== '' && !l.startsWith('#'));
const pick = (lines: string[], prefix: string): string[] => lines.filter((l) => l.startsWith(prefix));

t.test('start-up counts as a successful load; every outcome counter exists at 0', async (t) => {
  const lines = values(new ReloadMetrics(new Date('2026-01-01T00:00:00.500Z')));
  t.same(pick(lines, 'reloadkit_config_last_reload_'), [
    'reloadkit_config_last_reload_successful 1',
    'reloadkit_config_last_reload_success_timestamp_seconds 1767225600.5',
  ]);
  t.same(pick(lines, 'reloadkit_reloads_total'), [
    'reloadkit_reloads_total{outcome="succeeded"} 0', 'reloadkit_reloads_total{outcome="failed"} 0', 'reloadkit_reloads_total{outcome="aborted"} 0',
  ]);
  t.same(pick(lines, 'reloadkit_reload_duration_seconds_count'), ['reloadkit_reload_duration_seconds_count 0']);
});

t.test('a failed reload sets 0 and keeps the last success time; a good one sets 1 and its time', async (t) => {
  const metrics = new ReloadMetrics(new Date('2026-01-01T00:00:00Z'));
  metrics.observe(end('failed', 20, '2026-01-01T00:01:00Z'));
  t.same(pick(values(metrics), 'reloadkit_config_last_reload_'), [
    'reloadkit_config_last_reload_successful 0', 'reloadkit_config_last_reload_success_timestamp_seconds 1767225600',
  ]);
  metrics.observe(end('aborted', 61_000, '2026-01-01T00:02:00Z'));
  metrics.observe(end('succeeded', 4, '2026-01-01T00:03:00Z'));
  const lines = values(metrics);
  t.same(pick(lines, 'reloadkit_config_last_reload_'), [
    'reloadkit_config_last_reload_successful 1', 'reloadkit_config_last_reload_success_timestamp_seconds 1767225780',
  ]);
  t.same(pick(lines, 'reloadkit_reloads_total'), [
    'reloadkit_reloads_total{outcome="succeeded"} 1', 'reloadkit_reloads_total{outcome="failed"} 1', 'reloadkit_reloads_total{outcome="aborted"} 1',
  ]);
  t.same(pick(lines, 'reloadkit_reload_duration_seconds_bucket{le="0.005"}'), ['reloadkit_reload_duration_seconds_bucket{le="0.005"} 1']);
  t.same(pick(lines, 'reloadkit_reload_duration_seconds_bucket{le="0.025"}'), ['reloadkit_reload_duration_seconds_bucket{le="0.025"} 2']);
  t.same(pick(lines, 'reloadkit_reload_duration_seconds_bucket{le="60"}'), ['reloadkit_reload_duration_seconds_bucket{le="60"} 2']);
  t.same(pick(lines, 'reloadkit_reload_duration_seconds_bucket{le="120"}'), ['reloadkit_reload_duration_seconds_bucket{le="120"} 3']);
  t.same(pick(lines, 'reloadkit_reload_duration_seconds_sum'), ['reloadkit_reload_duration_seconds_sum 61.024']);
});

t.test('per-driver gauges from the status, every driver listed; the warnings count', async (t) => {
  const lines = values(new ReloadMetrics());
  t.same(pick(lines, 'reloadkit_inflight_operations'), ['reloadkit_inflight_operations{driver="volume:a"} 3', 'reloadkit_inflight_operations{driver="volume:b"} 0']);
  t.same(pick(lines, 'reloadkit_draining_generations'), ['reloadkit_draining_generations{driver="volume:a"} 1', 'reloadkit_draining_generations{driver="volume:b"} 0']);
  t.same(pick(lines, 'reloadkit_config_warnings'), ['reloadkit_config_warnings 2']);
});
