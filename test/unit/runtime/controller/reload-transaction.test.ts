import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRuntime } from '../../../../runtime/create-runtime.js';
import { defineService } from '../../../../runtime/define-service.js';
import { opt } from '../../../../runtime/config/options.js';
import { ConfigError } from '../../../../runtime/config/errors.js';
import type { ReloadEndEvent } from '../../../../runtime/model/events.js';
import { holdWork, settle, startFakeRuntime, summarizeEnd, waitForState, type FakeVolumeDriver } from '../../../helpers/fake-drivers.js';

/** Runs work on driver volume:<section> until `until` settles; resolves with the port it reached. */
const useUntil = (rt: { use: Function }, section: string, until: Promise<void>): Promise<number> =>
  rt.use('volume', section, async (d: FakeVolumeDriver) => { await until; return d.port; });

/** The port a new, instant request on volume:<section> reaches. */
const portNow = (rt: { use: Function }, section: string): Promise<number> => rt.use('volume', section, (d: FakeVolumeDriver) => d.port);

t.test('overlap: new work reaches the new generation at once, old work finishes on the old one, which closes after it', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1, b: 2 });
  const held = [holdWork(), holdWork()];
  const old = held.map((h) => useUntil(f.rt, 'a', h.promise));
  f.write({ a: 11, b: 2 });
  const end = await f.rt.reload();
  t.match(end, { event: 'reload.end', id: 1, trigger: 'api' });
  t.same(summarizeEnd(end), { outcome: 'succeeded', changed: ['a.san_port'], restartRequired: [], reinitialised: ['volume:a'] });
  t.equal(await portNow(f.rt, 'a'), 11, 'new work is on the new backend while old work is still in flight');
  t.equal(await portNow(f.rt, 'b'), 2);
  t.same(f.log, ['create volume:a#1', 'create volume:b#1', 'create volume:a#2'], 'old generation not closed yet');
  const status = f.rt.status();
  t.same([status.generations, status.inFlight, status.draining], [
    { 'volume:a': 2, 'volume:b': 1 }, { 'volume:a': 2, 'volume:b': 0 }, [{ driver: 'volume:a', generation: 1, inFlight: 2, reloadId: 1 }],
  ]);
  held[0]!.finish();
  t.equal(await old[0], 1);
  await settle();
  t.notOk(f.log.includes('close volume:a#1'), 'one operation is still running on generation 1');
  held[1]!.finish();
  t.equal(await old[1], 1, 'in-flight work finished on the old backend');
  await f.rt.waitDrained();
  t.same(f.log.slice(3), ['close volume:a#1']);
  t.same(f.events.map((e) => e.event), ['reload.start', 'reload.end', 'driver.retired']);
  t.match(f.events[2], { event: 'driver.retired', service: 'fake-volume', pid: process.pid, reloadId: 1, driver: 'volume:a', generation: 1, operationsFinished: 2 });
  t.same(f.rt.status().draining, []);
});

t.test('no mixed window: once one request sees the new configuration, every later one does, and none sees half of it', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1, b: 2 }, ['label = old']);
  const seen: Array<{ label: unknown; port: number; snapshotPort: unknown }> = [];
  let running = true;
  const load = (async () => {
    while (running) {
      await f.rt.use('volume', 'a', (d: FakeVolumeDriver, lease) => {
        seen.push({ label: lease.config.get('DEFAULT', 'label'), port: d.port, snapshotPort: lease.config.get('a', 'san_port') });
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await settle(5);
  f.write({ a: 11, b: 2 }, ['label = new']);
  await f.rt.reload();
  await settle(5);
  running = false;
  await load;
  const firstNew = seen.findIndex((s) => s.label === 'new');
  t.ok(firstNew > 0, `requests ran before and after the switch (${seen.length} in all, first new at ${firstNew})`);
  t.ok(seen.slice(firstNew).every((s) => s.label === 'new' && s.port === 11), 'nothing old after the first new answer');
  t.ok(seen.slice(0, firstNew).every((s) => s.label === 'old' && s.port === 1));
  t.ok(seen.every((s) => s.port === s.snapshotPort), 'the lease config always matches the driver generation');
});

t.test('exclusive: new work for the affected driver waits until the old generation drained; others keep going', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'exclusive', { a: 1, b: 2 });
  const held = holdWork();
  const old = useUntil(f.rt, 'a', held.promise);
  f.write({ a: 11, b: 2 });
  const reload = f.rt.reload();
  await waitForState(f.rt, 'draining');
  t.equal(f.rt.state, 'draining');
  let waiterPort: number | undefined;
  const waiter = portNow(f.rt, 'a').then((port) => { waiterPort = port; return port; });
  t.equal(await portNow(f.rt, 'b'), 2, 'an unaffected driver serves during the drain');
  await settle(5);
  t.equal(waiterPort, undefined, 'new work for volume:a waits at the gate');
  t.notOk(f.log.includes('create volume:a#2'), 'the new generation is built only after the drain');
  held.finish();
  t.equal(await old, 1);
  t.same(summarizeEnd(await reload), { outcome: 'succeeded', changed: ['a.san_port'], restartRequired: [], reinitialised: ['volume:a'] });
  t.equal(await waiter, 11, 'the waiting request ran on the new generation');
  t.same(f.log.slice(2), ['create volume:a#2', 'close volume:a#1']);
  t.equal(f.rt.state, 'ready');
});

t.test('exclusive: when the drain budget expires the reload is aborted, work is never killed, the gate reopens', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'exclusive', { a: 1, b: 2 });
  const held = holdWork();
  const old = useUntil(f.rt, 'a', held.promise);
  f.write({ a: 11, b: 2 }, ['reload_drain_timeout = 0.05']);
  const reload = f.rt.reload();
  await waitForState(f.rt, 'draining');
  const waiter = portNow(f.rt, 'a');
  const end = await reload;
  t.same(summarizeEnd(end), {
    outcome: 'aborted', changed: [], restartRequired: [], reinitialised: [],
    error: 'drain did not finish within reload_drain_timeout (0.05 s): volume:a (1 in flight); the reload was aborted, nothing was killed, the running configuration and drivers stay',
  });
  t.equal(await waiter, 1, 'the waiting request was released to the old generation');
  t.equal(f.rt.config.get('a', 'san_port'), 1);
  t.equal(f.rt.config.get('DEFAULT', 'reload_drain_timeout'), 60);
  t.notOk(f.built.some((d) => d.closed), 'nothing was closed');
  t.same(f.log, ['create volume:a#1', 'create volume:b#1'], 'no new generation was built');
  held.finish();
  t.equal(await old, 1, 'the in-flight operation completed');
});

t.test('a build that fails on a configuration value reports where the value is, under the build\'s own message', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1, b: 2 });
  f.buildErrors.set('b', new ConfigError('address refused by the backend', { file: f.file, line: 6, section: 'b', option: 'san_port', value: '12' }));
  f.write({ a: 1, b: 12 });
  const end = await f.rt.reload();
  t.equal(end.outcome, 'failed');
  t.same(end.error, {
    message: `cannot build driver volume:b (generation 2): ${f.file}:6: [b] san_port: address refused by the backend`,
    file: f.file, line: 6, section: 'b', option: 'san_port',
  });
  t.equal(await portNow(f.rt, 'b'), 2, 'the old driver still serves');
});

t.test('exclusive: work waiting at the gate never times out while the outcome is still being delivered', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'exclusive', { a: 1, b: 2 });
  f.rt.addSink({ name: 'slow', deliver: (event) => (event.event === 'reload.end' ? settle(300) : undefined) });
  const held = holdWork();
  const old = useUntil(f.rt, 'a', held.promise);
  f.write({ a: 11, b: 2 }, ['reload_drain_timeout = 0.05']);
  const reload = f.rt.reload();
  await waitForState(f.rt, 'draining');
  const waiter = portNow(f.rt, 'a');
  t.equal((await reload).outcome, 'aborted');
  t.equal(await waiter, 1, 'released to the old generation once the outcome was out, not failed by its 0.05 s clock');
  held.finish();
  t.equal(await old, 1, 'the in-flight operation completed');
});

t.test('a failing build keeps the old drivers and configuration and closes what was built', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1, b: 2 });
  f.failingSections.add('b');
  f.write({ a: 11, b: 12 });
  const end = await f.rt.reload();
  t.same(summarizeEnd(end), { outcome: 'failed', changed: [], restartRequired: [], reinitialised: [], error: 'cannot build driver volume:b (generation 2): connection to b refused' });
  t.same(f.log, ['create volume:a#1', 'create volume:b#1', 'create volume:a#2', 'close volume:a#2']);
  t.equal(await portNow(f.rt, 'a'), 1);
  t.equal(f.rt.config.get('a', 'san_port'), 1);
  f.failingSections.clear();
  t.same(summarizeEnd(await f.rt.reload()), { outcome: 'succeeded', changed: ['a.san_port', 'b.san_port'], restartRequired: [], reinitialised: ['volume:a', 'volume:b'] });
  t.same(f.log.slice(4, 6), ['create volume:a#3', 'create volume:b#3'], 'numbers of generations that never served are not reused');
  t.equal(await portNow(f.rt, 'b'), 12);
});

t.test('an invalid configuration keeps the running one; the error names file, line and option', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1, b: 2 });
  writeFileSync(f.file, '[DEFAULT]\nenabled_backends = a, b\n[a]\nsan_port = 80x\n[b]\nsan_port = 2\n');
  const end = await f.rt.reload();
  t.match(end, {
    outcome: 'failed',
    error: { message: `${f.file}:4: [a] san_port: expected an integer from 1 to 65535, got "80x"`, file: f.file, line: 4, section: 'a', option: 'san_port' },
  });
  writeFileSync(f.file, '[DEFAULT\n');
  t.match(await f.rt.reload(), { outcome: 'failed', error: { message: `${f.file}:1: invalid section header "[DEFAULT": expected it to end with "]"` } });
  t.equal(await portNow(f.rt, 'a'), 1);
  t.same(f.log, ['create volume:a#1', 'create volume:b#1']);
  t.equal(f.rt.state, 'ready');
});

t.test('changed immutable options are reported as restart-required and not applied', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 }, ['listen = 127.0.0.1:1']);
  writeFileSync(f.file, '[DEFAULT]\nenabled_backends = a\nlisten = 127.0.0.1:2\nlabel = two\n[a]\nsan_port = 1\npool = other\n');
  const end = await f.rt.reload();
  t.same(summarizeEnd(end), { outcome: 'succeeded', changed: ['DEFAULT.label'], restartRequired: ['DEFAULT.listen', 'a.pool'], reinitialised: [] });
  t.same(f.rt.config.get('DEFAULT', 'listen'), { host: '127.0.0.1', port: 1 });
  t.equal(f.rt.config.get('a', 'pool'), 'p');
  t.equal(f.rt.config.get('DEFAULT', 'label'), 'two');
});

t.test('added sections get a first generation; removed ones retire and become unknown', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1, b: 2 });
  const held = holdWork();
  const onB = useUntil(f.rt, 'b', held.promise);
  f.write({ a: 1, c: 3 });
  t.same(summarizeEnd(await f.rt.reload()), { outcome: 'succeeded', changed: ['DEFAULT.enabled_backends', 'c.san_port', 'c.pool'], restartRequired: [], reinitialised: ['volume:c'] });
  t.equal(await portNow(f.rt, 'c'), 3);
  await t.rejects(portNow(f.rt, 'b'), { name: 'UnknownDriverError', message: 'unknown driver volume:b (drivers: volume:a, volume:c)' });
  held.finish();
  t.equal(await onB, 2, 'work in flight on a removed section still finishes');
  await f.rt.waitDrained();
  t.ok(f.log.includes('close volume:b#1'));
});

t.test('every caller gets the outcome of the reload that covered its request', async (t) => {
  const f = await startFakeRuntime(t.teardown, 'overlap', { a: 1 });
  f.write({ a: 2 });
  const ends = await Promise.all([f.rt.reload({ trigger: 'SIGHUP' }), f.rt.reload({ trigger: 'control-socket' }), f.rt.reload()]);
  t.same(ends.map((e: ReloadEndEvent) => [e.id, e.trigger]), [[1, 'SIGHUP'], [2, 'control-socket'], [2, 'control-socket']]);
  t.equal(f.events.filter((e) => e.event === 'reload.start').length, 2, 'three requests, two reloads');
});

t.test('mixed modes: an aborted exclusive drain closes the overlap generations already built; nothing switches', async (t) => {
  const dir = t.testdir({ 'c.conf': '[DEFAULT]\nreload_drain_timeout = 0.05\n[pool]\nsize = 1\n[lock]\nname = a\n' });
  const log: string[] = [];
  const driver = (kind: string, mode: 'overlap' | 'exclusive') => ({
    kind, mode, sections: () => [kind],
    create: ({ key, generation }: { key: string; generation: number }) => { log.push(`create ${key}#${generation}`); return { key, generation }; },
    close: (d: { key: string; generation: number }) => { log.push(`close ${d.key}#${d.generation}`); },
  });
  const service = defineService({
    name: 'mixed',
    options: { sections: { pool: { size: opt.int({ mutable: true }) }, lock: { name: opt.string({ mutable: true }) } } },
    drivers: [driver('pool', 'overlap'), driver('lock', 'exclusive')],
  });
  const rt = await createRuntime(service, { configFiles: [join(dir, 'c.conf')] });
  t.teardown(() => rt.stop());
  const held = holdWork();
  const onLock = rt.use('lock', 'lock', () => held.promise);
  writeFileSync(join(dir, 'c.conf'), '[DEFAULT]\nreload_drain_timeout = 0.05\n[pool]\nsize = 2\n[lock]\nname = b\n');
  const end = await rt.reload();
  t.equal(end.outcome, 'aborted');
  t.same(log, ['create pool:pool#1', 'create lock:lock#1', 'create pool:pool#2', 'close pool:pool#2']);
  t.same(rt.status().generations, { 'pool:pool': 1, 'lock:lock': 1 });
  t.equal(rt.config.get('pool', 'size'), 1);
  held.finish();
  await onLock;
  const next = await rt.reload();
  t.same(summarizeEnd(next), { outcome: 'succeeded', changed: ['pool.size', 'lock.name'], restartRequired: [], reinitialised: ['pool:pool', 'lock:lock'] });
});

/** Runs an exclusive reload with `count` requests waiting at the closed gate; returns the order things happened in. */
async function recordReleaseOrder(t: { teardown: (fn: () => unknown) => void }, count: number, abort: boolean): Promise<{ order: string[]; ports: number[] }> {
  const f = await startFakeRuntime(t.teardown, 'exclusive', { a: 1, b: 2 });
  const order: string[] = [];
  f.rt.addSink({ name: 'recorder', deliver: (event) => { if (event.event === 'reload.end') order.push(`sink ${event.outcome}`); } });
  f.rt.on('reload.end', (event: ReloadEndEvent) => order.push(`listener ${event.outcome}`));
  const held = holdWork();
  const old = useUntil(f.rt, 'a', held.promise);
  f.write({ a: 11, b: 2 }, abort ? ['reload_drain_timeout = 0.05'] : []);
  const reload = f.rt.reload().then((end) => { order.push(`promise ${end.outcome}`); return end; });
  await waitForState(f.rt, 'draining');
  const waiters = Array.from({ length: count }, () => f.rt.use('volume', 'a', (d: FakeVolumeDriver) => {
    if (!order.includes('work')) order.push('work');
    return d.port;
  }));
  if (!abort) held.finish();
  await reload;
  const ports = await Promise.all(waiters);
  held.finish();
  await old;
  return { order, ports };
}

t.test('exclusive: the outcome is delivered before the requests released from the gate start their work', async (t) => {
  const { order, ports } = await recordReleaseOrder(t, 50, false);
  t.same(order, ['listener succeeded', 'sink succeeded', 'promise succeeded', 'work'], 'listener, sinks and the reload\'s promise first');
  t.ok(ports.every((port) => port === 11), 'every waiting request ran on the new generation');
});

t.test('exclusive, aborted: the outcome is delivered before the released requests start; they run on the old generation', async (t) => {
  const { order, ports } = await recordReleaseOrder(t, 50, true);
  t.same(order, ['listener aborted', 'sink aborted', 'promise aborted', 'work']);
  t.ok(ports.every((port) => port === 1), 'every waiting request ran on the old generation');
});
