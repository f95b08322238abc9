// A reload that waits for a drain reports drain.progress every interval: systemd gets EXTEND_TIMEOUT_USEC=
// and STATUS= (received here on a fake NOTIFY_SOCKET), listeners and the reload client the same line;
// an exclusive drain reports its budget, a --wait-drained request the replaced generations it waits for.
import t, { type Test } from 'tap';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type DrainProgressEvent } from '../../../../runtime/index.js';
import { describeProgress } from '../../../../runtime/model/describe-event.js';
import { createSdNotifySink } from '../../../../runtime/notify/sd-notify.js';
import { createFakeService, holdWork, writeConfigText, type FakeVolumeDriver } from '../../../helpers/fake-drivers.js';

/** A unix datagram socket standing in for systemd's NOTIFY_SOCKET (the unix-dgram addon; fails when missing). */
function bindFakeNotifySocket(path: string): { messages: string[]; close(): void } {
  const addon = createRequire(import.meta.url)('unix-dgram') as {
    createSocket(type: string): { on(e: string, l: (b: Buffer) => void): void; bind(p: string): void; close(): void };
  };
  const messages: string[] = [];
  const socket = addon.createSocket('unix_dgram');
  socket.on('message', (buffer) => messages.push(buffer.toString('utf8')));
  socket.bind(path);
  return { messages, close: () => socket.close() };
}

/** A fake service on a config file, with sd_notify to a fake socket and progress every 40 ms. */
async function startWithNotify(t: Test, mode: 'exclusive' | 'overlap') {
  const dir = mkdtempSync(join(tmpdir(), 'rk-drain-progress-'));
  const file = join(dir, 'fake.conf');
  writeFileSync(file, writeConfigText({ a: 1 }, ['reload_drain_timeout = 30']));
  const notify = bindFakeNotifySocket(join(dir, 'notify.sock'));
  const sink = createSdNotifySink({ env: { NOTIFY_SOCKET: join(dir, 'notify.sock') }, transport: 'unix-dgram' });
  if (sink === undefined) throw new Error('no sd_notify sink although NOTIFY_SOCKET is set');
  const fake = createFakeService(mode);
  const rt = await createRuntime(fake.service, { configFiles: [file], sinks: [sink], drainProgressIntervalMs: 40 });
  const progress: DrainProgressEvent[] = [];
  rt.on('drain.progress', (event: DrainProgressEvent) => progress.push(event));
  t.teardown(async () => {
    await rt.stop();
    notify.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { rt, file, notify, progress, rewrite: (port: number) => writeFileSync(file, writeConfigText({ a: port }, ['reload_drain_timeout = 30'])) };
}

/** Polls until `check` holds (5 s at most). */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

t.test('an exclusive drain: EXTEND_TIMEOUT_USEC= and STATUS= with the budget, the same line for the client', async (t) => {
  const f = await startWithNotify(t, 'exclusive');
  const held = holdWork();
  const old = f.rt.use('volume', 'a', async (d: FakeVolumeDriver) => { await held.promise; return d.port; });
  f.rewrite(2);
  const reload = f.rt.reload();
  await until(() => f.progress.length >= 2, 'two drain.progress events');
  const [first] = f.progress;
  t.match(first, { event: 'drain.progress', service: 'fake-volume', reloadId: 1, phase: 'drain', budgetSeconds: 30, drivers: [{ driver: 'volume:a', generation: 1, inFlight: 1 }] });
  t.equal(describeProgress(first!), `draining volume:a: 1 operation, ${first!.remainingSeconds} s of 30 left`, 'the reload client prints this line');
  await until(() => f.notify.messages.some((m) => m.startsWith('EXTEND_TIMEOUT_USEC=')), 'EXTEND_TIMEOUT_USEC on the notify socket');
  const extend = f.notify.messages.find((m) => m.startsWith('EXTEND_TIMEOUT_USEC='))!;
  t.match(extend, /^EXTEND_TIMEOUT_USEC=(\d+)\nSTATUS=draining volume:a: 1 operation, \d+ s of 30 left$/);
  const usec = Number(/^EXTEND_TIMEOUT_USEC=(\d+)/.exec(extend)![1]);
  t.ok(usec >= 30_000_000 && usec <= 40_000_000, `the budget left plus 10 s: ${usec} µs`);
  held.finish();
  t.equal(await old, 1);
  t.equal((await reload).outcome, 'succeeded');
  const count = f.progress.length;
  await new Promise((resolve) => setTimeout(resolve, 150));
  t.equal(f.progress.length, count, 'no progress once the drain is over');
  await until(() => f.notify.messages.some((m) => m.startsWith('READY=1\nSTATUS=reload 1 succeeded')), 'READY=1 at reload.end');
});

t.test('a --wait-drained reload: progress on the replaced generation it waits for, then quiet', async (t) => {
  const f = await startWithNotify(t, 'overlap');
  const held = holdWork();
  const old = f.rt.use('volume', 'a', async (d: FakeVolumeDriver) => { await held.promise; return d.port; });
  f.rewrite(2);
  let answered = false;
  const reload = f.rt.reload({ waitDrained: true }).then((end) => { answered = true; return end; });
  await until(() => f.progress.length >= 2, 'two drain.progress events');
  t.notOk(answered, 'the request waits for the replaced generation');
  t.match(f.progress[0], { reloadId: 1, phase: 'retire', drivers: [{ driver: 'volume:a', generation: 1, inFlight: 1 }] });
  t.notOk('budgetSeconds' in f.progress[0]!, 'no budget: nothing kills in-flight work');
  t.match(describeProgress(f.progress[0]!), /^waiting for replaced drivers to finish: volume:a generation 1: 1 operation, \d+ s so far$/);
  await until(() => f.notify.messages.some((m) => m.startsWith('EXTEND_TIMEOUT_USEC=15000000\nSTATUS=waiting for replaced drivers')), 'EXTEND_TIMEOUT_USEC of three intervals');
  held.finish();
  t.equal(await old, 1);
  t.equal((await reload).outcome, 'succeeded');
  const count = f.progress.length;
  await new Promise((resolve) => setTimeout(resolve, 150));
  t.equal(f.progress.length, count, 'no progress once the generation retired');
});

t.test('a drain shorter than the interval reports nothing', async (t) => {
  const f = await startWithNotify(t, 'exclusive');
  f.rewrite(2);
  t.equal((await f.rt.reload()).outcome, 'succeeded');
  await new Promise((resolve) => setTimeout(resolve, 100));
  t.same(f.progress, []);
  t.notOk(f.notify.messages.some((m) => m.includes('EXTEND_TIMEOUT_USEC')));
});
