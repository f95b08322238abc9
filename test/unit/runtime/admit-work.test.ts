// rt.use: admission through the driver's gate, bounded in waiters and in time, then work on the current generation.
import t from 'tap';
import { holdWork, settle, startFakeRuntime, waitForState, type FakeVolumeDriver } from '../../helpers/fake-drivers.js';

t.test('use: the lease names the driver, generation and current configuration', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 });
  const lease = await f.rt.use('volume', 'a', (_d: FakeVolumeDriver, l) => l);
  t.match(lease, { kind: 'volume', section: 'a', key: 'volume:a', generation: 1, driver: { port: 1 } });
  t.equal(lease.config, f.rt.config);
  await t.rejects(f.rt.use('volume', 'x', () => 1), { name: 'UnknownDriverError', message: 'unknown driver volume:x (drivers: volume:a)' });
  await t.rejects(f.rt.use('volume', 'a', () => { throw new Error('work failed'); }), { message: 'work failed' });
  t.same(f.rt.status().inFlight, { 'volume:a': 0 }, 'failed work is not counted any more');
});

t.test('more waiters than reload_max_waiters answers GateFullError; the others run on the new generation', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'exclusive', { a: 1 }, ['reload_max_waiters = 1']);
  const held = holdWork();
  const old = f.rt.use('volume', 'a', () => held.promise);
  f.write({ a: 2 }, ['reload_max_waiters = 1', 'reload_drain_timeout = 0.1']);
  const reload = f.rt.reload();
  await waitForState(f.rt, 'draining');
  const waiting = f.rt.use('volume', 'a', (d: FakeVolumeDriver) => d.port);
  await t.rejects(f.rt.use('volume', 'a', () => 1), {
    name: 'GateFullError',
    message: 'driver volume:a is re-initialising and 1 requests are already waiting (reload_max_waiters = 1); try again later',
  });
  held.finish();
  await old;
  t.match(await reload, { outcome: 'succeeded' });
  t.equal(await waiting, 2);
});

t.test('waiting at the gate longer than the drain budget (here: a slow build after the drain) answers GateTimeoutError', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'exclusive', { a: 1 });
  const connect = holdWork();
  f.slowBuilds.set('a', connect.promise);
  f.write({ a: 2 }, ['reload_drain_timeout = 0.05']);
  const reload = f.rt.reload();
  while (!f.buildsBegun.includes('volume:a#2')) await settle(1);
  await t.rejects(f.rt.use('volume', 'a', () => 1), {
    name: 'GateTimeoutError', message: 'driver volume:a is re-initialising: waited 0.05 s at its gate (reload_drain_timeout) without it reopening',
  });
  connect.finish();
  t.match(await reload, { outcome: 'succeeded' });
  t.equal(await f.rt.use('volume', 'a', (d: FakeVolumeDriver) => d.port), 2);
});
