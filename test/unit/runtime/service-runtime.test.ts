import t from 'tap';
import { holdWork, settle, startFakeRuntime, summarizeEnd, waitForState, type FakeVolumeDriver } from '../../helpers/fake-drivers.js';

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

t.test('status reports state, generations, in-flight work, files and the last reload', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1, b: 2 });
  const held = holdWork();
  const work = f.rt.use('volume', 'b', () => held.promise);
  const tracked = f.rt.track(() => held.promise);
  t.same(f.rt.status(), {
    service: 'fake-volume', pid: process.pid, state: 'ready', generations: { 'volume:a': 1, 'volume:b': 1 },
    inFlight: { 'volume:a': 0, 'volume:b': 1 }, trackedInFlight: 1, draining: [], configFiles: [f.file], configWarnings: [],
  });
  const end = await f.rt.reload();
  t.same(f.rt.status().lastReload, end);
  held.finish();
  await Promise.all([work, tracked]);
});

t.test('listeners get typed events and can unsubscribe', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 });
  const ids: number[] = [];
  const off = f.rt.on('reload.end', (e) => ids.push(e.id));
  await f.rt.reload();
  off();
  await f.rt.reload();
  t.same(ids, [1]);
});

t.test('a sink added after start-up receives the events emitted from then on', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 });
  const seen: string[] = [];
  let closed = false;
  f.rt.addSink({ name: 'late', deliver: (e) => { seen.push(e.event); }, close: async () => { closed = true; } });
  await f.rt.reload();
  t.same(seen, ['reload.start', 'reload.end'], 'reload.end is delivered before rt.reload resolves');
  await f.rt.stop();
  t.ok(closed, 'sinks are closed by stop');
});

t.test('a driver whose sections() throws fails the reload with its message; the service keeps running', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 });
  f.write({ a: 2 }, ['label = explode']);
  const spec = f.service.drivers[0]!;
  const original = spec.sections;
  (spec as { sections: typeof original }).sections = (config) => {
    if (config.get('DEFAULT', 'label') === 'explode') throw new Error('sections() bug');
    return original(config);
  };
  t.teardown(() => { (spec as { sections: typeof original }).sections = original; });
  t.same(summarizeEnd(await f.rt.reload()), { outcome: 'failed', changed: [], restartRequired: [], reinitialised: [], error: 'cannot list the sections of driver kind volume: sections() bug' });
  t.equal(await f.rt.use('volume', 'a', (d: FakeVolumeDriver) => d.port), 1);
  t.equal(f.rt.state, 'ready');
});
