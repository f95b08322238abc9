// cinder-volume's Prometheus endpoint scraped by a real Prometheus: after a refused reload the query
// `reloadkit_config_last_reload_successful` answers 0, after a good one 1; every metric name is exposed;
// a reload that changes metrics_listen moves the listener.
import t from 'tap';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import {
  assertBuildIsCurrent, formatVolumeConfig, freePort, readNotifications, runCli, sleep, startBackend, startService, tempDir,
} from '../../../helpers/cinder-processes.js';
import { startPrometheus, type PrometheusServer } from '../../../helpers/prometheus-server.js';

assertBuildIsCurrent();
t.setTimeout(240_000);

/** The metric names the runtime exposes (docs/metrics.md). */
const METRICS = [
  'reloadkit_config_last_reload_successful', 'reloadkit_config_last_reload_success_timestamp_seconds', 'reloadkit_reloads_total',
  'reloadkit_reload_duration_seconds', 'reloadkit_inflight_operations', 'reloadkit_draining_generations', 'reloadkit_config_warnings',
];

/** GET http://127.0.0.1:`port``path`: status and body. */
function get(port: number, path: string): Promise<{ status: number; body: string; type?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Polls an async check every 50 ms; rejects naming `what` after `ms`. */
async function waitUntilAsync(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** Polls an instant query until its single sample has `value`; rejects with the last answer after `ms`. */
async function waitForValue(prometheus: PrometheusServer, expression: string, value: string, ms = 60_000): Promise<string> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    const result = await prometheus.query(expression);
    last = result;
    if (result.length === 1 && result[0]?.value[1] === value) return value;
    if (Date.now() > deadline) {
      throw new Error(`Prometheus: ${expression} did not answer ${value} within ${ms} ms; last answer ${JSON.stringify(last)}; targets ${JSON.stringify(await prometheus.targets())}`);
    }
    await sleep(250);
  }
}

t.test('Prometheus sees a refused reload as 0 and a good one as 1', async (t) => {
  const dir = tempDir(t);
  const [a, b] = await Promise.all([startBackend(t), startBackend(t)]);
  const [apiPort, metricsPort, movedPort] = [await freePort(), await freePort(), await freePort()];
  const conf = join(dir, 'cinder.conf');
  const write = (extra: string): void => writeFileSync(conf, formatVolumeConfig({
    apiPort, socket: join(dir, 'cinder-volume.sock'), notificationFile: join(dir, 'notifications.jsonl'),
    backends: { backend_a: a.port, backend_b: b.port }, extra,
  }));
  write(`metrics_listen = 127.0.0.1:${metricsPort}\n`);
  const volume = await startService(t, 'cinder-volume', [conf]);
  t.match(volume.stderr(), new RegExp(`"msg":"ready".*"metrics":"127\\.0\\.0\\.1:${metricsPort}"`), 'the ready line says where the metrics are');

  const exposed = await get(metricsPort, '/metrics');
  t.equal(exposed.status, 200);
  t.equal(exposed.type, 'text/plain; version=0.0.4; charset=utf-8');
  const families = exposed.body.split('\n').filter((line) => line.startsWith('# TYPE ')).map((line) => line.split(' ')[2]);
  t.same(families, METRICS, 'exactly the documented metric families, in order');
  t.match(exposed.body, /^reloadkit_inflight_operations\{driver="volume:backend_a"\} 0$/m, 'per-driver gauges list every driver');
  t.equal((await get(metricsPort, '/')).status, 404, 'only /metrics is served');

  const prometheus = await startPrometheus(t, [`127.0.0.1:${metricsPort}`]);
  t.equal(await waitForValue(prometheus, 'up{job="reloadkit"}', '1').catch((e: Error) => e.message), '1', 'Prometheus scrapes the endpoint');
  t.equal(await waitForValue(prometheus, 'reloadkit_config_last_reload_successful', '1').catch((e: Error) => e.message), '1', '1 after start-up');

  write(`metrics_listen = 127.0.0.1:${metricsPort}\nreload_drain_timeout = not-a-number\n`);
  const refused = await runCli('cinder-volume', ['reload', '--config-file', conf]);
  t.equal(refused.code, 1, 'the reload is refused');
  t.equal(await waitForValue(prometheus, 'reloadkit_config_last_reload_successful', '0').catch((e: Error) => e.message), '0', '0 after the refused reload');
  t.equal(await waitForValue(prometheus, 'reloadkit_reloads_total{outcome="failed"}', '1').catch((e: Error) => e.message), '1', 'one failed reload counted');

  write(`metrics_listen = 127.0.0.1:${metricsPort}\ndebug = true\n`);
  const good = await runCli('cinder-volume', ['reload', '--config-file', conf]);
  t.equal(good.code, 0, `the next reload succeeds\n${good.stderr}`);
  t.equal(await waitForValue(prometheus, 'reloadkit_config_last_reload_successful', '1').catch((e: Error) => e.message), '1', '1 after the good reload');
  t.equal(await waitForValue(prometheus, 'reloadkit_reloads_total{outcome="succeeded"}', '1').catch((e: Error) => e.message), '1', 'one succeeded reload counted');
  t.equal(await waitForValue(prometheus, 'reloadkit_reload_duration_seconds_count', '2').catch((e: Error) => e.message), '2', 'both reloads observed by the histogram');
  const goodEnd = readNotifications(join(dir, 'notifications.jsonl')).find((e) => e['event'] === 'reload.end' && e['id'] === 2);
  const [success] = await prometheus.query('reloadkit_config_last_reload_success_timestamp_seconds');
  t.equal(Number(success?.value[1]), Date.parse(String(goodEnd?.['time'])) / 1000, 'the success timestamp is the good reload.end\'s time');

  write(`metrics_listen = 127.0.0.1:${movedPort}\n`);
  const moved = await runCli('cinder-volume', ['reload', '--config-file', conf]);
  t.equal(moved.code, 0, `a reload moves metrics_listen\n${moved.stderr}`);
  await waitUntilAsync(async () => (await get(movedPort, '/metrics').catch(() => ({ status: 0 }))).status === 200, 'the new address serving the metrics');
  await t.rejects(get(metricsPort, '/metrics'), { code: 'ECONNREFUSED' }, 'the old address is closed once the new one listens');
});
