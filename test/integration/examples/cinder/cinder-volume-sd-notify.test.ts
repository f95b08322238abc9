// cinder-volume under a NOTIFY_SOCKET, as systemd runs it: the exact datagrams for start-up, a good
// and a failed reload (READY=1 after both), and stop, through both transports.
import t from 'tap';
import { createRequire } from 'node:module';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertBuildIsCurrent, formatVolumeConfig, freePort, runCli, startBackend, startService, tempDir, waitUntil,
} from '../../../helpers/cinder-processes.js';

assertBuildIsCurrent();

/** Binds a datagram socket with the unix-dgram addon; fails the test naming the addon when it is missing. */
function bindReceiver(path: string): { messages: string[]; close(): void } {
  let addon: { createSocket(type: string): { on(e: string, l: (b: Buffer) => void): void; bind(p: string): void; close(): void } };
  try {
    addon = createRequire(import.meta.url)('unix-dgram');
  } catch (error) {
    throw new Error(`the unix-dgram addon is missing (npm ci builds it; it needs python3, make and g++): ${(error as Error).message}`);
  }
  const messages: string[] = [];
  const socket = addon.createSocket('unix_dgram');
  socket.on('message', (buffer) => { const text = buffer.toString('utf8'); if (text !== 'BARRIER=1') messages.push(text); });
  socket.bind(path);
  return { messages, close: () => socket.close() };
}

for (const transport of ['unix-dgram', 'systemd-notify'] as const) {
  t.test(`sd_notify sequence through ${transport}`, async (t) => {
    const dir = tempDir(t);
    const receiver = bindReceiver(join(dir, 'notify.sock'));
    t.teardown(() => receiver.close());
    const backend = await startBackend(t);
    const conf = join(dir, 'cinder.conf');
    const socket = join(dir, 'cinder-volume.sock');
    const good = formatVolumeConfig({ apiPort: await freePort(), socket, notificationFile: join(dir, 'n.jsonl'), backends: { backend_a: backend.port } });
    writeFileSync(conf, good);
    const env: NodeJS.ProcessEnv = { ...process.env, NOTIFY_SOCKET: join(dir, 'notify.sock') };
    if (transport === 'systemd-notify') {
      if (!['/usr/bin/systemd-notify', '/bin/systemd-notify'].some(existsSync)) throw new Error('systemd-notify is not installed (Debian package: systemd)');
      env['RELOADKIT_SD_NOTIFY'] = 'systemd-notify';
    }
    const volume = await startService(t, 'cinder-volume', [conf], env);
    const prefix = transport === 'systemd-notify' ? `MAINPID=${volume.pid}\n` : '';
    await waitUntil(() => receiver.messages.length >= 1, 'READY=1');
    t.same(receiver.messages, [`${prefix}READY=1\nSTATUS=cinder-volume ready`]);
    // SIGHUP at once after READY=1: the handler must already be installed (else SIGHUP kills the process).
    process.kill(volume.pid, 'SIGHUP');
    await waitUntil(() => receiver.messages.length >= 3, 'the SIGHUP reload datagrams');

    writeFileSync(conf, good.replace('debug = false', 'debug = true'));
    t.equal((await runCli('cinder-volume', ['reload', '--control-socket', socket])).code, 0);
    writeFileSync(conf, `${good}garbage\n`);
    t.equal((await runCli('cinder-volume', ['reload', '--control-socket', socket])).code, 1);
    volume.child.kill('SIGTERM');
    t.equal(await volume.exited, 0);
    await waitUntil(() => receiver.messages.length >= 8, '8 datagrams');

    const m = receiver.messages.map((x) => (x.startsWith(prefix) ? x.slice(prefix.length) : `no ${prefix} in ${x}`));
    t.match(m[1], /^RELOADING=1\nMONOTONIC_USEC=\d+$/);
    t.equal(m[2], 'READY=1\nSTATUS=reload 1 succeeded: 0 option(s) changed, 0 driver(s) re-initialised');
    t.match(m[3], /^RELOADING=1\nMONOTONIC_USEC=\d+$/);
    t.equal(m[4], 'READY=1\nSTATUS=reload 2 succeeded: 1 option(s) changed, 0 driver(s) re-initialised');
    t.match(m[5], /^RELOADING=1\nMONOTONIC_USEC=\d+$/);
    t.equal(m[6], `READY=1\nSTATUS=reload 3 failed: ${conf}:${good.split('\n').length}: expected "key = value", got "garbage" (no "=" or ":")`);
    t.equal(m[7], 'STOPPING=1');
    t.equal(m.length, 8);
  });
}
