// Bad input gets a clear error and loses nothing: every kind of broken config is refused by the reload,
// named by file, line and option, while the running service keeps serving on its previous config.
import t from 'tap';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertBuildIsCurrent, createVolume, formatVolumeConfig, freePort, readNotifications, runCli, startBackend, startService, tempDir,
} from '../../../helpers/cinder-processes.js';

assertBuildIsCurrent();

t.test('a broken config is refused, the service keeps its old one', async (t) => {
  const dir = tempDir(t);
  const [a, b] = await Promise.all([startBackend(t), startBackend(t)]);
  const apiPort = await freePort();
  const deadPort = await freePort();
  const socket = join(dir, 'cinder-volume.sock');
  const notifications = join(dir, 'notifications.jsonl');
  const conf = join(dir, 'cinder.conf');
  const extra = join(dir, 'extra.conf');
  const good = formatVolumeConfig({ apiPort, socket, notificationFile: notifications, backends: { backend_a: a.port, backend_b: b.port } });
  writeFileSync(conf, good);
  writeFileSync(extra, '[DEFAULT]\ndebug = true\n');
  const volume = await startService(t, 'cinder-volume', [conf, extra]);
  const portLine = good.split('\n').findIndex((l) => l.startsWith('san_port')) + 1;

  const cases: Array<{ name: string; write: () => void; stderr: string; location: Record<string, unknown> }> = [
    {
      name: 'syntax error',
      write: () => writeFileSync(conf, `${good}this is not ini\n`),
      stderr: `${conf}:${good.split('\n').length}: expected "key = value", got "this is not ini" (no "=" or ":")`,
      location: { file: conf, line: good.split('\n').length },
    },
    {
      // A warning by default (oslo.config ignores it); [DEFAULT] config_strict = true makes the reload refuse it.
      name: 'unknown section, config_strict',
      write: () => writeFileSync(conf, `${good}[backend_z]\nsan_ip = 127.0.0.1\n[DEFAULT]\nconfig_strict = true\n`),
      stderr: `${conf}:${good.split('\n').length}: [backend_z] unknown section (expected DEFAULT, oslo_messaging_notifications, scheduler, api, or a name listed in enabled_backends (now: backend_a, backend_b))`,
      location: { file: conf, line: good.split('\n').length, section: 'backend_z' },
    },
    {
      name: 'invalid value',
      write: () => writeFileSync(conf, good.replace(`san_port = ${a.port}`, 'san_port = 80x')),
      stderr: `${conf}:${portLine}: [backend_a] san_port: expected an integer from 1 to 65535, got "80x"`,
      location: { file: conf, line: portLine, section: 'backend_a', option: 'san_port' },
    },
    {
      name: 'missing file',
      write: () => unlinkSync(extra),
      stderr: `${extra}: cannot read config file: no such file or directory (ENOENT)`,
      location: { file: extra },
    },
    {
      name: 'backend unreachable',
      write: () => writeFileSync(conf, good.replace(`san_port = ${a.port}`, `san_port = ${deadPort}`)),
      stderr: `${conf}:${portLine}: [backend_a] san_port: cannot connect to the storage backend at 127.0.0.1:${deadPort}: connect ECONNREFUSED 127.0.0.1:${deadPort}`,
      // The driver's ConfigError reaches the event wrapped ("cannot build driver …: <located message>"):
      // the location is in the message, not in separate fields.
      location: { message: new RegExp(`${conf}:${portLine}: \\[backend_a\\] san_port: cannot connect`) },
    },
  ];

  for (const [index, c] of cases.entries()) {
    writeFileSync(conf, good);
    writeFileSync(extra, '[DEFAULT]\ndebug = true\n');
    c.write();
    const result = await runCli('cinder-volume', ['reload', '--config-file', conf, '--config-file', extra]);
    t.equal(result.code, 1, `${c.name}: reload exits 1`);
    t.match(result.stderr, `cinder-volume: reload ${index + 1} failed in `, `${c.name}: outcome on stderr`);
    t.ok(result.stderr.includes(c.stderr), `${c.name}: stderr names file, line and option:\n${result.stderr}\nexpected to contain:\n${c.stderr}`);
    t.match(result.stderr, /the service keeps running with its previous configuration/);

    const served = await createVolume(apiPort, 'backend_a', 0);
    t.same([served.status, served.body['backend_port']], [200, a.port], `${c.name}: still serving backend_a on the old port`);
    const end = readNotifications(notifications).filter((e) => e['event'] === 'reload.end').at(-1);
    t.match(end, { id: index + 1, outcome: 'failed', changed: [], reinitialised: [], error: c.location }, `${c.name}: reload.end failed with the location`);
  }
  t.equal(volume.child.exitCode, null, 'the service never went down');
  t.notOk(a.events().some((e) => e['event'] === 'disconnected'), 'the old backend connection was never dropped');
  t.equal(readFileSync(notifications, 'utf8').split('\n').filter(Boolean).length, 10, 'one start and one end per reload');
});
