// The sysusers.d file: exact text, and Debian's own systemd-sysusers creates exactly those accounts from it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { renderSysusersConf, sysusersPath } from '../../../../generators/package-plan/sysusers.js';

const accounts = [
  { user: 'cinder', group: 'cinder', home: '/var/lib/cinder' },
  { user: 'worker', group: 'cinder', home: '/nonexistent' },
];

t.test('declares each group once, then each user with its primary group', async (t) => {
  t.equal(sysusersPath('cinder'), 'usr/lib/sysusers.d/cinder.conf');
  t.equal(
    renderSysusersConf('cinder', accounts),
    '# System accounts of cinder: created by its maintainer scripts, never removed.\n' +
      'g cinder -\n' +
      'u cinder -:cinder "cinder service account" /var/lib/cinder /usr/sbin/nologin\n' +
      'u worker -:cinder "worker service account" /nonexistent /usr/sbin/nologin\n',
  );
});

t.test('systemd-sysusers --root creates the accounts it declares', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'rk-sysusers-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'etc'));
  writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  writeFileSync(join(root, 'etc/group'), 'root:x:0:\n');
  const conf = join(root, 'cinder.conf');
  writeFileSync(conf, renderSysusersConf('cinder', accounts));
  const run = spawnSync('systemd-sysusers', [`--root=${root}`, conf], { encoding: 'utf8' });
  t.equal(run.error, undefined, 'systemd-sysusers must be installed (Debian package systemd)');
  t.equal(run.status, 0, run.stderr);
  const passwd = readFileSync(join(root, 'etc/passwd'), 'utf8');
  const group = readFileSync(join(root, 'etc/group'), 'utf8');
  const gid = /^cinder:x:(\d+):/m.exec(group)?.[1];
  t.ok(gid, 'group cinder created');
  t.match(passwd, new RegExp(`^cinder:x:\\d+:${gid}:cinder service account:/var/lib/cinder:/usr/sbin/nologin$`, 'm'));
  t.match(passwd, new RegExp(`^worker:x:\\d+:${gid}:worker service account:/nonexistent:/usr/sbin/nologin$`, 'm'));
});
