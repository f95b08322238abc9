import t from 'tap';
import { holdWork, startFakeRuntime, summarizeEnd, type FakeVolumeDriver } from '../../helpers/fake-drivers.js';

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

t.test('the runtime applies a reload before it reports it: a reload.end listener sees the new state whole', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 });
  const seen: unknown[] = [];
  f.rt.on('reload.end', (end) => {
    seen.push({ state: f.rt.state, port: f.rt.config.get('a', 'san_port'), generation: f.rt.status().generations['volume:a'], last: f.rt.status().lastReload === end });
  });
  f.write({ a: 2 });
  t.equal((await f.rt.reload()).outcome, 'succeeded');
  f.write({ a: 3 }, ['reload_drain_timeout = x']);
  t.equal((await f.rt.reload()).outcome, 'failed');
  t.same(seen, [
    { state: 'ready', port: 2, generation: 2, last: true },
    { state: 'ready', port: 2, generation: 2, last: true },
  ], 'after a success the new configuration and generation; after a failure the running ones');
});

t.test('a config file replaced by a FIFO: the reload fails at once naming it, the controller is free for the next one', async (t) => {
  const { execFileSync } = await import('node:child_process');
  const { renameSync } = await import('node:fs');
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 });
  const saved = `${f.file}.saved`;
  renameSync(f.file, saved);
  execFileSync('mkfifo', [f.file]);
  t.same(summarizeEnd(await f.rt.reload()), {
    outcome: 'failed', changed: [], restartRequired: [], reinitialised: [],
    error: `${f.file}: cannot read config file: is a FIFO (named pipe), expected a regular file`,
  });
  t.equal(f.rt.state, 'ready', 'not left reloading');
  renameSync(saved, f.file);
  f.write({ a: 2 });
  t.same(summarizeEnd(await f.rt.reload()), { outcome: 'succeeded', changed: ['a.san_port'], restartRequired: [], reinitialised: ['volume:a'] });
});
