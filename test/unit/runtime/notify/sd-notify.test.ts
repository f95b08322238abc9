// Sends real sd_notify datagrams to a unix datagram socket created here, through both transports.
import t from 'tap';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReloadEndEvent, ReloadStartEvent } from '../../../../runtime/model/events.js';
import {
  createSdNotifySink, formatReloadStatus, monotonicMicroseconds,
} from '../../../../runtime/notify/sd-notify.js';

interface Receiver { messages: string[]; close(): void }

/** Binds a unix datagram socket with the unix-dgram addon (the test fails when it is missing). */
function bindReceiver(path: string): Receiver {
  const require = createRequire(import.meta.url);
  let addon: { createSocket(type: string): { on(e: string, l: (b: Buffer) => void): void; bind(p: string): void; close(): void } };
  try {
    addon = require('unix-dgram');
  } catch (error) {
    throw new Error(`the unix-dgram addon is missing (npm ci builds it; it needs python3, make and g++): ${(error as Error).message}`);
  }
  const messages: string[] = [];
  const socket = addon.createSocket('unix_dgram');
  socket.on('message', (buffer) => messages.push(buffer.toString('utf8')));
  socket.bind(path);
  return { messages, close: () => socket.close() };
}

const start: ReloadStartEvent = { event: 'reload.start', service: 'svc', pid: 1, id: 3, trigger: 'SIGHUP', time: 'T' };
const succeeded: ReloadEndEvent = {
  ...start, event: 'reload.end', outcome: 'succeeded', changed: ['DEFAULT.debug', 'backend_a.san_port'],
  restartRequired: [], reinitialised: ['volume:backend_a'], durationMs: 12,
};
const failed: ReloadEndEvent = {
  ...succeeded, outcome: 'failed', changed: [], reinitialised: [],
  error: { message: 'cinder.conf:4: [backend_a] san_port: expected an integer from 1 to 65535, got "80x"' },
};

/** Waits until `count` messages (not counting systemd-notify's BARRIER=1) arrived, or 5 s passed. */
async function waitForMessages(receiver: Receiver, count: number): Promise<string[]> {
  const deadline = Date.now() + 5000;
  const real = () => receiver.messages.filter((m) => m !== 'BARRIER=1');
  while (real().length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return real();
}

for (const transport of ['unix-dgram', 'systemd-notify'] as const) {
  t.test(`sends the exact datagrams through ${transport}`, async (t) => {
    if (transport === 'systemd-notify' && !['/usr/bin/systemd-notify', '/bin/systemd-notify'].some(existsSync)) {
      t.fail('systemd-notify is not installed (Debian package: systemd); cannot test the fallback transport');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'sd-notify-'));
    const path = join(dir, 'notify.sock');
    const receiver = bindReceiver(path);
    t.teardown(() => { receiver.close(); rmSync(dir, { recursive: true, force: true }); });
    const errors: Error[] = [];
    const sink = createSdNotifySink({ env: { NOTIFY_SOCKET: path }, transport, pid: 4242, onError: (e) => errors.push(e) });
    if (sink === undefined) throw new Error('sink not created although NOTIFY_SOCKET is set');
    t.equal(await sink.transport(), transport);

    await sink.ready('ready: 2 drivers');
    const before = monotonicMicroseconds();
    await sink.deliver(start);
    const after = monotonicMicroseconds();
    await sink.deliver(succeeded);
    await sink.deliver(failed);
    await sink.stopping();
    await sink.close?.();

    const got = await waitForMessages(receiver, 5);
    t.same(errors.map((e) => e.message), []);
    // systemd-notify --pid=N adds MAINPID=N: it is the same PID, and lets systemd attribute the message to the main process.
    const prefix = transport === 'systemd-notify' ? 'MAINPID=4242\n' : '';
    const strip = (m: string) => (m.startsWith(prefix) ? m.slice(prefix.length) : `missing ${JSON.stringify(prefix)} in ${m}`);
    const messages = got.map(strip);
    t.equal(messages.length, 5, `five datagrams: ${JSON.stringify(got)}`);
    t.equal(messages[0], 'READY=1\nSTATUS=ready: 2 drivers');
    const reloading = /^RELOADING=1\nMONOTONIC_USEC=(\d+)$/.exec(messages[1] ?? '');
    t.ok(reloading, `RELOADING=1 + MONOTONIC_USEC: ${JSON.stringify(messages[1])}`);
    const usec = BigInt(reloading?.[1] ?? '0');
    t.ok(usec >= before && usec <= after, `MONOTONIC_USEC ${usec} taken between ${before} and ${after}`);
    t.equal(messages[2], 'READY=1\nSTATUS=reload 3 succeeded: 2 option(s) changed, 1 driver(s) re-initialised');
    t.equal(messages[3], 'READY=1\nSTATUS=reload 3 failed: cinder.conf:4: [backend_a] san_port: expected an integer from 1 to 65535, got "80x"');
    t.equal(messages[4], 'STOPPING=1');
  });
}

t.test('is off without NOTIFY_SOCKET', async (t) => {
  t.equal(createSdNotifySink({ env: {} }), undefined);
  t.equal(createSdNotifySink({ env: { NOTIFY_SOCKET: '' } }), undefined);
});

t.test('reports a dead socket through onError and never throws', async (t) => {
  const errors: Error[] = [];
  const sink = createSdNotifySink({ env: { NOTIFY_SOCKET: '/nonexistent/notify.sock' }, transport: 'unix-dgram', onError: (e) => errors.push(e) });
  await sink?.ready();
  t.equal(errors.length, 1);
  t.match(errors[0]?.message ?? '', /^cannot send "READY=1\\nSTATUS=ready" to NOTIFY_SOCKET \/nonexistent\/notify.sock: send -?\d+/);
});

t.test('STATUS of a succeeded reload names the restart-required options', async (t) => {
  t.equal(
    formatReloadStatus({ ...succeeded, changed: [], reinitialised: [], restartRequired: ['DEFAULT.volume_api_listen'] }),
    'reload 3 succeeded: 0 option(s) changed, 0 driver(s) re-initialised; restart required for DEFAULT.volume_api_listen',
  );
  t.equal(formatReloadStatus({ ...failed, error: { message: 'a\nb' } }), 'reload 3 failed: a b');
});

t.test('RELOADKIT_SD_NOTIFY forces a transport; a bad value is reported and auto is used', async (t) => {
  const forced = createSdNotifySink({ env: { NOTIFY_SOCKET: '/x.sock', RELOADKIT_SD_NOTIFY: 'systemd-notify' } });
  t.equal(await forced?.transport(), 'systemd-notify');
  const errors: Error[] = [];
  const bad = createSdNotifySink({ env: { NOTIFY_SOCKET: '/x.sock', RELOADKIT_SD_NOTIFY: 'dbus' }, onError: (e) => errors.push(e) });
  t.equal(await bad?.transport(), 'unix-dgram');
  t.same(errors.map((e) => e.message), ['RELOADKIT_SD_NOTIFY: expected auto, unix-dgram or systemd-notify, got "dbus"; using auto']);
});
