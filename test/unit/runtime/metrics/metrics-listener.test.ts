// The /metrics listener on a real runtime: off when unset, serves the exposition, follows metrics_listen
// across reloads (new address first), keeps the old listener when the new address cannot be bound.
import t from 'tap';
import { createServer } from 'node:net';
import { request } from 'node:http';
import { startMetricsListener } from '../../../../runtime/metrics/metrics-listener.js';
import { freePort } from '../../../helpers/cinder-processes.js';
import { startFakeRuntime } from '../../../helpers/fake-drivers.js';

/** GET on `address` (host:port): status, content type and body. */
function get(address: string, path: string, method = 'GET'): Promise<{ status: number; type?: string; body: string }> {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

t.test('unset: no listener', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 });
  const metrics = await startMetricsListener(f.rt, () => t.fail('nothing to log'));
  t.equal(metrics.address(), undefined);
  await metrics.close();
});

t.test('serves the exposition on /metrics only, and counts reloads', async (t) => {
  const port = await freePort();
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 }, [`metrics_listen = 127.0.0.1:${port}`]);
  const metrics = await startMetricsListener(f.rt, () => t.fail('nothing to log'));
  t.teardown(() => metrics.close());
  const address = metrics.address()!;
  t.equal(address, `127.0.0.1:${port}`);
  const answer = await get(address, '/metrics');
  t.equal(answer.status, 200);
  t.equal(answer.type, 'text/plain; version=0.0.4; charset=utf-8');
  t.match(answer.body, /^reloadkit_config_last_reload_successful 1$/m);
  t.match(answer.body, /^reloadkit_inflight_operations\{driver="volume:a"\} 0$/m);
  t.same(await get(address, '/metrics', 'HEAD').then((r) => [r.status, r.body]), [200, '']);
  t.equal((await get(address, '/metrics', 'POST')).status, 405);
  t.equal((await get(address, '/other')).status, 404);

  f.write({ a: 1 }, [`metrics_listen = 127.0.0.1:${port}`, 'reload_drain_timeout = x']);
  t.equal((await f.rt.reload()).outcome, 'failed');
  await metrics.settled();
  const after = (await get(address, '/metrics')).body;
  t.match(after, /^reloadkit_config_last_reload_successful 0$/m);
  t.match(after, /^reloadkit_reloads_total\{outcome="failed"\} 1$/m);
});

t.test('a reload that changes metrics_listen moves it; one that cannot bind keeps the old listener, logged', async (t) => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
  const taken = (blocker.address() as { port: number }).port;

  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 }, [`metrics_listen = 127.0.0.1:${await freePort()}`]);
  const logged: Array<Record<string, unknown>> = [];
  const metrics = await startMetricsListener(f.rt, (fields) => logged.push(fields));
  t.teardown(() => metrics.close());
  const first = metrics.address()!;

  f.write({ a: 1 }, [`metrics_listen = 127.0.0.1:${taken}`]);
  t.equal((await f.rt.reload()).outcome, 'succeeded');
  await metrics.settled();
  t.equal(metrics.address(), first, 'the old listener keeps serving');
  t.equal((await get(first, '/metrics')).status, 200);
  t.match(logged, [{ level: 'error', msg: 'metrics_listen', error: new RegExp(`^cannot listen on the new metrics_listen, the old listener keeps serving: metrics_listen 127\\.0\\.0\\.1:${taken}: listen EADDRINUSE`) }]);

  const moved = await freePort();
  f.write({ a: 1 }, [`metrics_listen = 127.0.0.1:${moved}`]);
  await f.rt.reload();
  await metrics.settled();
  t.equal(metrics.address(), `127.0.0.1:${moved}`, 'moved to the new address');
  t.equal((await get(`127.0.0.1:${moved}`, '/metrics')).status, 200);
  await t.rejects(get(first, '/metrics'), { code: 'ECONNREFUSED' }, 'the old address is closed');

  f.write({ a: 1 });
  await f.rt.reload();
  await metrics.settled();
  t.equal(metrics.address(), undefined, 'unset again: no listener');
});
