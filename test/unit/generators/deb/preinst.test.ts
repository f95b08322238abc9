// Runs the generated preinst: saves the replaced code's checksums on upgrade, re-enables init scripts on reinstall.
import t from 'tap';
import { debTarget } from '../../../../generators/deb/index.js';
import { runInSandbox } from '../../../helpers/maintainer-script-sandbox.js';
import { debStubs, manifestWith, MD5SUMS_PATH } from '../../../helpers/deb-sandbox.js';

const preinstOf = (settings: Record<string, unknown>) =>
  debTarget.generate(manifestWith({ svc: settings }), { systemdVersion: 252 }).find((f) => f.path === 'DEBIAN/preinst')?.content ?? '';
const SAVED = '/var/lib/reloadkit/pkg.md5sums';
const md5sums = 'bbbb  usr/lib/pkg/b.js\ncccc  usr/share/doc/pkg/changelog.gz\naaaa  usr/lib/pkg/a.js\n';

t.test('upgrade: the old md5sums without docs, sorted, are kept for postinst', async (t) => {
  const run = runInSandbox(preinstOf({ on_upgrade: 'restart', on_conffile_change: 'reload' }), ['upgrade', '1.0.0'], {
    systemd: true,
    files: { [MD5SUMS_PATH]: md5sums },
    stubs: debStubs(),
    inspect: `cat ${SAVED}`,
  });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(run.calls, ['dpkg-query --control-path pkg md5sums']);
  t.equal(run.inspection, 'aaaa  usr/lib/pkg/a.js\nbbbb  usr/lib/pkg/b.js\n');
});

t.test('upgrade from a package without md5sums: nothing is saved (postinst then treats it as a code change)', async (t) => {
  const run = runInSandbox(preinstOf({ on_upgrade: 'restart' }), ['upgrade', '1.0.0'], {
    systemd: true,
    stubs: debStubs({ 'dpkg-query': [] }),
    files: { [SAVED]: 'stale\n' },
    inspect: `ls ${SAVED} 2>&1 || true`,
  });
  t.equal(run.exitCode, 0, run.stderr);
  t.match(run.inspection, /No such file/, 'a stale file from an earlier attempt is removed');
});

t.test('no comparison needed when conffile-only and code upgrades act the same', async (t) => {
  const script = preinstOf({ on_upgrade: 'reload', on_conffile_change: 'reload' });
  t.notMatch(script, /md5sums/);
});

t.test('install over a removed (config-files) package: the init script becomes executable again', async (t) => {
  const run = runInSandbox(preinstOf({}), ['install', '1.0.0'], {
    systemd: true,
    files: { '/etc/init.d/svc': '#!/bin/sh\n' },
    stubs: debStubs(),
    inspect: 'stat -c %a /etc/init.d/svc',
  });
  t.equal(run.exitCode, 0, run.stderr);
  t.equal(run.inspection.trim(), '755');
});

t.test('first install: nothing to do', async (t) => {
  const run = runInSandbox(preinstOf({}), ['install'], { systemd: true, stubs: debStubs() });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(run.calls, []);
});
