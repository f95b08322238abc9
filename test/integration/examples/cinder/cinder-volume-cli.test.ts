// The cinder-volume command line from outside: check-config, status, not running, usage, a second instance.
import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertBuildIsCurrent, formatVolumeConfig, freePort, runCli, startBackend, startProgram, startService, tempDir,
} from '../../../helpers/cinder-processes.js';

assertBuildIsCurrent();

t.test('check-config exit codes and messages', async (t) => {
  const dir = tempDir(t);
  const conf = join(dir, 'cinder.conf');
  writeFileSync(conf, formatVolumeConfig({ apiPort: 1, socket: join(dir, 's.sock'), notificationFile: join(dir, 'n'), backends: { backend_a: 9 } }));
  const valid = await runCli('cinder-volume', ['check-config', '--config-file', conf]);
  t.same([valid.code, valid.stdout, valid.stderr], [0, `cinder-volume: configuration is valid (${conf})\n`, '']);

  const bad = join(dir, 'bad.conf');
  writeFileSync(bad, '[DEFAULT]\nenabled_backends = backend_a\n\n[backend_a]\nsan_ip = 127.0.0.1\nsan_port = 0\n');
  const invalid = await runCli('cinder-volume', ['check-config', '--config-file', bad]);
  t.equal(invalid.code, 1);
  t.equal(invalid.stderr, `cinder-volume: invalid configuration:\n${bad}:6: [backend_a] san_port: expected an integer from 1 to 65535, got "0"\n`);

  const usage = await runCli('cinder-volume', ['check-config', '--wait-drained']);
  t.equal(usage.code, 2);
  t.equal(usage.stderr, `cinder-volume: option --wait-drained is not valid for "check-config" (valid: --config-file, --config-dir, --strict)\nTry 'cinder-volume --help'.\n`);
});

t.test('status, and the exit codes when the service is not running', async (t) => {
  const dir = tempDir(t);
  const backend = await startBackend(t);
  const socket = join(dir, 'cinder-volume.sock');
  const conf = join(dir, 'cinder.conf');
  writeFileSync(conf, formatVolumeConfig({ apiPort: await freePort(), socket, notificationFile: join(dir, 'n.jsonl'), backends: { backend_a: backend.port } }));

  const notRunningStatus = await runCli('cinder-volume', ['status', '--config-file', conf]);
  t.same([notRunningStatus.code, notRunningStatus.stderr], [3, `cinder-volume: status: the service is not running: the socket file does not exist (control socket ${socket})\n`]);
  const notRunningReload = await runCli('cinder-volume', ['reload', '--config-file', conf]);
  t.same([notRunningReload.code, notRunningReload.stderr], [7, `cinder-volume: reload: the service is not running: the socket file does not exist (control socket ${socket})\n`]);

  const volume = await startService(t, 'cinder-volume', [conf]);
  const status = await runCli('cinder-volume', ['status', '--control-socket', socket]);
  t.equal(status.code, 0, status.stderr);
  t.match(JSON.parse(status.stdout), {
    service: 'cinder-volume', pid: volume.pid, state: 'ready', generations: { 'volume:backend_a': 1 }, inFlight: { 'volume:backend_a': 0 }, configFiles: [conf],
  });

  const second = startProgram(t, 'cinder-volume', ['--config-file', conf]);
  t.equal(await second.exited, 1, 'a second instance refuses to start');
  t.match(second.stderr(), /^cinder-volume: cannot start: /m);

  volume.child.kill('SIGTERM');
  t.equal(await volume.exited, 0);
  const afterStop = await runCli('cinder-volume', ['status', '--control-socket', socket]);
  t.equal(afterStop.code, 3, 'not running after a clean stop: the socket file is removed');
});

t.test('--help and --version', async (t) => {
  const help = await runCli('cinder-volume', ['--help']);
  t.equal(help.code, 0);
  t.match(help.stdout, /^Usage:\n  cinder-volume \[run\] \[--config-file FILE\]\.\.\. \[--config-dir DIR\]\.\.\./);
  t.match(help.stdout, /Default configuration files: \/etc\/cinder\/cinder\.conf\./);
  const version = await runCli('cinder-volume', ['--version']);
  t.same([version.code, version.stdout], [0, 'cinder-volume 0.1.0\n']);
});
