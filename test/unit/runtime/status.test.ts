import t from 'tap';
import { holdWork, startFakeRuntime, type FakeVolumeDriver } from '../../helpers/fake-drivers.js';

t.test('counts work on draining generations under their driver, and lists them', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 });
  const held = holdWork();
  const old = f.rt.use('volume', 'a', () => held.promise);
  f.write({ a: 2 });
  await f.rt.reload();
  const current = holdWork();
  const now = f.rt.use('volume', 'a', (_d: FakeVolumeDriver) => current.promise);
  const status = f.rt.status();
  t.same(status.generations, { 'volume:a': 2 });
  t.same(status.inFlight, { 'volume:a': 2 });
  t.same(status.draining, [{ driver: 'volume:a', generation: 1, inFlight: 1, reloadId: 1 }]);
  t.same(JSON.parse(JSON.stringify(status)), status, 'plain JSON');
  held.finish();
  current.finish();
  await Promise.all([old, now]);
});
