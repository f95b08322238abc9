import t from 'tap';
import { holdWork, settle, startFakeRuntime, summarizeEnd, waitForState, type FakeVolumeDriver } from '../../../helpers/fake-drivers.js';

/** Runs work on driver volume:<section> until `until` settles; resolves with the port it reached. */
const useUntil = (rt: { use: Function }, section: string, until: Promise<void>): Promise<number> =>
  rt.use('volume', section, async (d: FakeVolumeDriver) => { await until; return d.port; });
const portNow = (rt: { use: Function }, section: string): Promise<number> => rt.use('volume', section, (d: FakeVolumeDriver) => d.port);

t.test('a second reload while the old generation drains: a third generation exists, each retires on its own', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 });
  const onFirst = holdWork();
  const first = useUntil(f.rt, 'a', onFirst.promise);
  f.write({ a: 2 });
  t.match(await f.rt.reload(), { id: 1, outcome: 'succeeded' });
  const onSecond = holdWork();
  const second = useUntil(f.rt, 'a', onSecond.promise);
  f.write({ a: 3 });
  t.match(await f.rt.reload(), { id: 2, outcome: 'succeeded' });
  t.equal(await portNow(f.rt, 'a'), 3);
  t.same(f.rt.status().draining, [{ driver: 'volume:a', generation: 1, reloadId: 1, inFlight: 1 }, { driver: 'volume:a', generation: 2, reloadId: 2, inFlight: 1 }]);
  onSecond.finish();
  t.equal(await second, 2);
  onFirst.finish();
  t.equal(await first, 1);
  await f.rt.waitDrained();
  const retired = f.events.filter((e) => e.event === 'driver.retired');
  t.same(retired.map((e) => e.event === 'driver.retired' && [e.driver, e.generation, e.reloadId, e.operationsFinished]), [['volume:a', 2, 2, 1], ['volume:a', 1, 1, 1]]);
});

t.test('at the bound of draining generations the reload waits for the oldest; aborted if it does not retire in time', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 }, ['reload_max_draining_generations = 1']);
  const held = holdWork();
  const onFirst = useUntil(f.rt, 'a', held.promise);
  f.write({ a: 2 }, ['reload_max_draining_generations = 1', 'reload_drain_timeout = 0.05']);
  t.match(await f.rt.reload(), { outcome: 'succeeded' });
  f.write({ a: 3 }, ['reload_max_draining_generations = 1', 'reload_drain_timeout = 0.05']);
  const end = await f.rt.reload();
  t.same(summarizeEnd(end), {
    outcome: 'aborted', changed: [], restartRequired: [], reinitialised: [],
    error: 'driver volume:a already has 1 replaced generation draining (reload_max_draining_generations = 1) and the oldest did not retire within reload_drain_timeout (0.05 s); the reload was aborted, nothing changed',
  });
  t.equal(await portNow(f.rt, 'a'), 2, 'the current generation kept serving and still does');
  t.equal(f.rt.config.get('a', 'san_port'), 2);
  t.same(f.log, ['create volume:a#1', 'create volume:a#2'], 'nothing was built for the aborted reload');
  held.finish();
  t.equal(await onFirst, 1);
});

t.test('at the bound, the reload goes on as soon as the oldest generation retires', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 }, ['reload_max_draining_generations = 1']);
  const held = holdWork();
  const onFirst = useUntil(f.rt, 'a', held.promise);
  f.write({ a: 2 }, ['reload_max_draining_generations = 1']);
  await f.rt.reload();
  f.write({ a: 3 }, ['reload_max_draining_generations = 1']);
  const reload = f.rt.reload();
  await waitForState(f.rt, 'draining');
  t.equal(f.rt.state, 'draining');
  t.equal(await portNow(f.rt, 'a'), 2, 'new work keeps flowing to the current generation while the reload waits');
  held.finish();
  t.equal(await onFirst, 1);
  t.same(summarizeEnd(await reload), { outcome: 'succeeded', changed: ['a.san_port'], restartRequired: [], reinitialised: ['volume:a'] });
  t.equal(await portNow(f.rt, 'a'), 3);
});

t.test('waitDrained: the reload resolves only after the generations it replaced have retired', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 });
  const held = holdWork();
  const old = useUntil(f.rt, 'a', held.promise);
  f.write({ a: 2 });
  let resolved = false;
  const ended = new Promise((resolve) => f.rt.on('reload.end', resolve));
  const reload = f.rt.reload({ waitDrained: true }).then((end) => { resolved = true; return end; });
  await ended;
  await settle(10);
  t.equal(await portNow(f.rt, 'a'), 2, 'the switch happened');
  t.notOk(resolved, 'but the caller still waits for the old generation');
  held.finish();
  t.match(await reload, { outcome: 'succeeded' });
  t.ok(f.log.includes('close volume:a#1'));
  t.equal(await old, 1);
});
