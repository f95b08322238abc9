import t from 'tap';
import { holdWork, settle, startFakeRuntime, waitForState, type FakeVolumeDriver } from '../../helpers/fake-drivers.js';

const useUntil = (rt: { use: Function }, section: string, until: Promise<void>): Promise<number> =>
  rt.use('volume', section, async (d: FakeVolumeDriver) => { await until; return d.port; });

t.test('stop refuses new work, closes the start handle first, waits for in-flight work, then closes drivers', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1, b: 2 });
  const held = holdWork();
  const inFlight = useUntil(f.rt, 'a', held.promise);
  const trackedHeld = holdWork();
  const tracked = f.rt.track(() => trackedHeld.promise.then(() => 'tracked done'));
  let stopped = false;
  const stop = f.rt.stop().then((result) => { stopped = true; return result; });
  t.equal(f.rt.state, 'stopping');
  await t.rejects(f.rt.use('volume', 'b', () => 1), { name: 'ServiceStoppingError', message: 'service fake-volume is stopping and accepts no new work' });
  await t.rejects(f.rt.track(() => 1), { name: 'ServiceStoppingError' });
  t.match(await f.rt.reload({ trigger: 'SIGHUP' }), { outcome: 'failed', trigger: 'SIGHUP', error: { message: 'service fake-volume is stopping; the reload did not run' } });
  await settle(5);
  t.same(f.log.slice(2), ['start-handle closed'], 'drivers stay open while work runs');
  t.notOk(stopped);
  held.finish();
  t.equal(await inFlight, 1);
  await settle(5);
  t.notOk(stopped, 'tracked work is waited for too');
  trackedHeld.finish();
  t.equal(await tracked, 'tracked done');
  t.same(await stop, { exitCode: 0, unfinished: 0 });
  t.equal(f.rt.state, 'stopped');
  t.same(f.log.slice(3).sort(), ['close volume:a#1', 'close volume:b#1']);
  t.equal(f.rt.stop(), f.rt.stop(), 'stop is idempotent');
});

t.test('when graceful_shutdown_timeout runs out: exit code 1, the unfinished count, drivers closed', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 }, ['graceful_shutdown_timeout = 0.05']);
  const held = holdWork();
  void useUntil(f.rt, 'a', held.promise);
  t.same(await f.rt.stop(), { exitCode: 1, unfinished: 1 });
  t.ok(f.log.includes('close volume:a#1'));
  held.finish();
});

t.test('stop during an exclusive drain: waiters are refused, the queued reload is answered without running', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'exclusive', { a: 1 });
  const held = holdWork();
  const old = useUntil(f.rt, 'a', held.promise);
  f.write({ a: 2 });
  const reload = f.rt.reload();
  const queued = f.rt.reload({ trigger: 'SIGHUP' });
  await waitForState(f.rt, 'draining');
  const waiter = f.rt.use('volume', 'a', () => 1);
  const stop = f.rt.stop();
  await t.rejects(waiter, { name: 'ServiceStoppingError' });
  t.match(await queued, { id: 2, trigger: 'SIGHUP', outcome: 'failed', error: { message: 'service fake-volume is stopping; the reload did not run' } });
  held.finish();
  t.equal(await old, 1);
  t.match(await reload, { outcome: 'failed', error: { message: 'the service began stopping during the reload; nothing was switched' } });
  t.same(await stop, { exitCode: 0, unfinished: 0 });
  t.same(f.log, ['create volume:a#1', 'start-handle closed', 'close volume:a#1'], 'no new generation is built once stopping');
});

t.test('stop while a reload never finishes (a build that never returns): stopped within graceful_shutdown_timeout', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 }, ['graceful_shutdown_timeout = 0.05']);
  f.slowBuilds.set('a', new Promise<void>(() => undefined));
  f.write({ a: 2 }, ['graceful_shutdown_timeout = 0.05']);
  void f.rt.reload();
  await waitForState(f.rt, 'reloading');
  while (!f.buildsBegun.includes('volume:a#2')) await new Promise((resolve) => setTimeout(resolve, 1));
  t.same(await f.rt.stop(), { exitCode: 0, unfinished: 0 }, 'stop resolves although the reload is still stuck');
  t.equal(f.rt.state, 'stopped');
  t.ok(f.log.includes('close volume:a#1'), 'the running generation was closed');
});
