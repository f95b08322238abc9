// Hostile config paths against the real cinder-volume: a FIFO and a symlink to /dev/zero given as a
// config file are refused by check-config and by a reload, at once and saying what they are; the service
// keeps serving, `status` is back to `ready` (never left `reloading`), the next reload works, and SIGTERM
// stops it with exit 0.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { renameSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertBuildIsCurrent, createVolume, formatVolumeConfig, freePort, readNotifications, runCli, startBackend, startService, tempDir,
} from '../../../helpers/cinder-processes.js';

assertBuildIsCurrent();

t.test('a FIFO and /dev/zero as config files: refused at once, the service stays up and stops on SIGTERM', async (t) => {
  const dir = tempDir(t);
  const backend = await startBackend(t);
  const apiPort = await freePort();
  const socket = join(dir, 'cinder-volume.sock');
  const notifications = join(dir, 'notifications.jsonl');
  const conf = join(dir, 'cinder.conf');
  const extra = join(dir, 'extra.conf');
  writeFileSync(conf, formatVolumeConfig({ apiPort, socket, notificationFile: notifications, backends: { backend_a: backend.port } }));
  writeFileSync(extra, '[DEFAULT]\n');
  const volume = await startService(t, 'cinder-volume', [conf, extra]);
  const args = ['--config-file', conf, '--config-file', extra];

  const cases = [
    { name: 'FIFO', make: () => execFileSync('mkfifo', [extra]), problem: 'is a FIFO (named pipe), expected a regular file' },
    { name: '/dev/zero', make: () => symlinkSync('/dev/zero', extra), problem: 'is a character device, expected a regular file (a symbolic link to /dev/zero)' },
  ];
  for (const [index, c] of cases.entries()) {
    unlinkSync(extra);
    c.make();
    const message = `${extra}: cannot read config file: ${c.problem}`;
    const check = await runCli('cinder-volume', ['check-config', ...args]);
    t.same([check.code, check.stderr], [1, `cinder-volume: invalid configuration:\n${message}\n`], `${c.name}: check-config refuses it`);

    const reload = await runCli('cinder-volume', ['reload', ...args]);
    t.equal(reload.code, 1, `${c.name}: reload exits 1`);
    t.ok(reload.stderr.includes(message), `${c.name}: the reload names the file and what it is:\n${reload.stderr}`);
    const end = readNotifications(notifications).filter((e) => e['event'] === 'reload.end').at(-1);
    t.match(end, { id: index + 1, outcome: 'failed', error: { file: extra, message } }, `${c.name}: reload.end failed`);

    const status = await runCli('cinder-volume', ['status', '--control-socket', socket]);
    t.equal(status.code, 0, status.stderr);
    t.equal((JSON.parse(status.stdout) as { state: string }).state, 'ready', `${c.name}: status is ready again, not reloading`);
    const served = await createVolume(apiPort, 'backend_a', 0);
    t.equal(served.status, 200, `${c.name}: still serving`);
  }

  unlinkSync(extra);
  writeFileSync(`${extra}.new`, '[DEFAULT]\ndebug = true\n');
  renameSync(`${extra}.new`, extra);
  const good = await runCli('cinder-volume', ['reload', ...args]);
  t.equal(good.code, 0, `the file put back: the next reload succeeds\n${good.stderr}`);

  unlinkSync(extra);
  execFileSync('mkfifo', [extra]);
  const failed = await runCli('cinder-volume', ['reload', ...args]);
  t.equal(failed.code, 1, 'a FIFO again');
  volume.child.kill('SIGTERM');
  t.equal(await volume.exited, 0, 'SIGTERM after a refused FIFO: clean exit');
});
