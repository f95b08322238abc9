// Runs the generated postinst for real with each dpkg argument convention and checks the exact calls.
import t from 'tap';
import { debTarget } from '../../../../generators/deb/index.js';
import { runInSandbox } from '../../../helpers/maintainer-script-sandbox.js';
import { debStubs, manifestWith, MD5SUMS_PATH } from '../../../helpers/deb-sandbox.js';

const options = { systemdVersion: 252 };
const OLD_CODE = 'aaaa  usr/bin/svc\n';
const NEW_CODE = 'bbbb  usr/bin/svc\n';
const SAVED = '/var/lib/reloadkit/pkg.md5sums';

function postinstOf(services: Record<string, Record<string, unknown>>): string {
  const file = debTarget.generate(manifestWith(services), options).find((f) => f.path === 'DEBIAN/postinst');
  if (!file) throw new Error('no DEBIAN/postinst generated');
  return file.content;
}

/** Calls that act on services (not the enable bookkeeping). */
function serviceActions(calls: string[]): string[] {
  return calls.filter((c) => /^(deb-systemd-invoke|invoke-rc\.d|systemctl) /.test(c));
}

const restartSvc = postinstOf({ svc: { on_upgrade: 'restart', on_conffile_change: 'reload' } });
const reloadSvc = postinstOf({ svc: { on_upgrade: 'reload' } });

t.test('fresh install on systemd: accounts, directories, update-rc.d, enable, then start, in that order', async (t) => {
  const script = postinstOf({ svc: { user: 'svcuser', state_directory: 'svc', logs_directory: 'svc' } });
  const run = runInSandbox(script, ['configure', ''], { systemd: true, initScripts: ['svc'], stubs: debStubs() });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(run.calls, [
    'systemd-sysusers pkg.conf',
    'dpkg-statoverride --list /var/lib/svc',
    'chown svcuser:svcuser /var/lib/svc',
    'dpkg-statoverride --list /var/log/svc',
    'chown svcuser:svcuser /var/log/svc',
    'update-rc.d svc defaults',
    'invoke-rc.d --skip-systemd-native svc start',
    'deb-systemd-helper unmask svc.service',
    'deb-systemd-helper --quiet was-enabled svc.service',
    'deb-systemd-helper enable svc.service',
    'systemctl --system daemon-reload',
    'deb-systemd-invoke start svc.service',
  ]);
});

t.test('fresh install without systemd-sysusers falls back to adduser', async (t) => {
  const script = postinstOf({ svc: { user: 'svcuser', group: 'svcgroup' } });
  const stubs = debStubs();
  delete stubs['systemd-sysusers'];
  const run = runInSandbox(script, ['configure', ''], { systemd: false, initScripts: ['svc'], stubs });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(run.calls.slice(0, 4), [
    'getent group svcgroup',
    'addgroup --system --quiet svcgroup',
    'getent passwd svcuser',
    'adduser --system --quiet --ingroup svcgroup --home /nonexistent --no-create-home --shell /usr/sbin/nologin --gecos svcuser service account svcuser',
  ]);
});

t.test('upgrade that changed code, on_upgrade=restart: restart, never reload', async (t) => {
  const run = runInSandbox(restartSvc, ['configure', '1.0.0'], {
    systemd: true,
    initScripts: ['svc'],
    files: { [SAVED]: OLD_CODE, [MD5SUMS_PATH]: NEW_CODE },
    stubs: debStubs(),
    inspect: `ls ${SAVED} 2>&1 || true`,
  });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(serviceActions(run.calls), [
    'invoke-rc.d --skip-systemd-native svc restart',
    'systemctl --system daemon-reload',
    'deb-systemd-invoke restart svc.service',
  ]);
  t.match(run.inspection, /No such file/, 'the saved checksums are forgotten once configured');
});

t.test('upgrade that changed only conffiles, on_conffile_change=reload: reload, not restart', async (t) => {
  const run = runInSandbox(restartSvc, ['configure', '1.0.0'], {
    systemd: true,
    initScripts: ['svc'],
    files: { [SAVED]: NEW_CODE, [MD5SUMS_PATH]: `${NEW_CODE}cccc  usr/share/doc/pkg/changelog.gz\n` },
    stubs: debStubs(),
  });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(serviceActions(run.calls), [
    'invoke-rc.d --skip-systemd-native svc status',
    'invoke-rc.d --skip-systemd-native svc reload',
    'systemctl --system daemon-reload',
    'systemctl --quiet is-active svc.service',
    'deb-systemd-invoke reload svc.service',
  ]);
});

t.test('upgrade with no saved checksums (older version, or no md5sums) counts as a code change', async (t) => {
  const run = runInSandbox(restartSvc, ['configure', '1.0.0'], {
    systemd: true,
    files: { [MD5SUMS_PATH]: NEW_CODE },
    stubs: debStubs(),
  });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(serviceActions(run.calls), ['systemctl --system daemon-reload', 'deb-systemd-invoke restart svc.service']);
});

t.test('upgrade with on_upgrade=reload: reload a running service through deb-systemd-invoke', async (t) => {
  const run = runInSandbox(reloadSvc, ['configure', '1.0.0'], { systemd: true, stubs: debStubs() });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(serviceActions(run.calls), [
    'systemctl --system daemon-reload',
    'systemctl --quiet is-active svc.service',
    'deb-systemd-invoke reload svc.service',
  ]);
});

t.test('upgrade with on_upgrade=reload of a stopped service: start it (a reload cannot)', async (t) => {
  const stubs = debStubs({ systemctl: [{ pattern: '*is-active*', exit: 3 }] });
  const run = runInSandbox(reloadSvc, ['configure', '1.0.0'], { systemd: true, stubs });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(serviceActions(run.calls), [
    'systemctl --system daemon-reload',
    'systemctl --quiet is-active svc.service',
    'deb-systemd-invoke start svc.service',
  ]);
});

t.test('a failed reload is reported, never turned into a restart, and does not fail the upgrade', async (t) => {
  const stubs = debStubs({ 'deb-systemd-invoke': [{ pattern: 'reload*', exit: 1 }] });
  const run = runInSandbox(reloadSvc, ['configure', '1.0.0'], { systemd: true, stubs });
  t.equal(run.exitCode, 0);
  t.notOk(run.calls.some((c) => /restart/.test(c)), 'no restart');
  t.equal(
    run.stderr,
    'pkg: reloading svc.service failed; it keeps running with its previous configuration: fix it, then run: systemctl reload svc.service\n',
  );
});

t.test('SysV system, on_upgrade=reload: status then reload through invoke-rc.d; systemd untouched', async (t) => {
  const run = runInSandbox(reloadSvc, ['configure', '1.0.0'], { systemd: false, initScripts: ['svc'], stubs: debStubs() });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(serviceActions(run.calls), [
    'invoke-rc.d --skip-systemd-native svc status',
    'invoke-rc.d --skip-systemd-native svc reload',
  ]);
});

t.test('SysV system, a failed start fails the postinst as debhelper does', async (t) => {
  const stubs = debStubs({ 'invoke-rc.d': [{ pattern: '*start', exit: 1 }] });
  const run = runInSandbox(restartSvc, ['configure', ''], { systemd: false, initScripts: ['svc'], stubs });
  t.equal(run.exitCode, 1);
});

t.test('abort-upgrade only makes sure the service runs', async (t) => {
  const run = runInSandbox(restartSvc, ['abort-upgrade', '1.0.1'], { systemd: true, initScripts: ['svc'], stubs: debStubs() });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(serviceActions(run.calls), [
    'invoke-rc.d --skip-systemd-native svc start',
    'systemctl --system daemon-reload',
    'deb-systemd-invoke start svc.service',
  ]);
});

t.test('on_upgrade=none still starts a stopped service (start is a no-op on a running one)', async (t) => {
  const script = postinstOf({ svc: { on_upgrade: 'none', on_conffile_change: 'none' } });
  const run = runInSandbox(script, ['configure', '1.0.0'], { systemd: true, stubs: debStubs() });
  t.strictSame(serviceActions(run.calls), ['systemctl --system daemon-reload', 'deb-systemd-invoke start svc.service']);
});

t.test('DPKG_ROOT set: accounts created below it, no service action, no ownership change', async (t) => {
  const script = postinstOf({ svc: { user: 'svcuser', state_directory: 'svc' } });
  const run = runInSandbox(script, ['configure', '1.0.0'], {
    systemd: true,
    initScripts: ['svc'],
    stubs: debStubs(),
    env: { DPKG_ROOT: '/srv/chroot' },
  });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(run.calls, [
    'systemd-sysusers --root=/srv/chroot pkg.conf',
    'deb-systemd-helper unmask svc.service',
    'deb-systemd-helper --quiet was-enabled svc.service',
    'deb-systemd-helper enable svc.service',
  ]);
});

t.test('config files with owner, group or mode: handed over after the accounts exist, unless overridden or deleted', async (t) => {
  const conf = '/var/lib/svc/svc.conf';
  const script = postinstOf({
    svc: { user: 'svcuser', config_files: [{ path: conf }, { path: '/var/lib/svc/gone.conf', mode: '600' }, '/var/lib/svc/plain.conf'] },
    other: { user: 'svcuser', config_files: [{ path: conf, group: 'svcuser' }] },
  });
  const files = { [conf]: 'x=1\n', '/var/lib/svc/plain.conf': 'y=1\n' };
  const inspect = `stat -c '%a %n' ${conf} /var/lib/svc/plain.conf`;
  const run = runInSandbox(script, ['configure', ''], { systemd: false, initScripts: ['svc', 'other'], files, stubs: debStubs(), inspect });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(run.calls.slice(0, 3), [
    'systemd-sysusers pkg.conf',
    `dpkg-statoverride --list ${conf}`,
    `chown root:svcuser ${conf}`,
  ], 'a bare {path} is a bare path; the deleted conffile is left alone; plain.conf is not touched');
  t.equal(run.calls[3], 'update-rc.d svc defaults');
  t.equal(run.inspection, `640 ${conf}\n644 /var/lib/svc/plain.conf\n`);
  t.match(script, `chmod 0600 /var/lib/svc/gone.conf`, 'a mode given as "600" is written as 0600');

  const overridden = runInSandbox(script, ['configure', '1.0.0'], {
    systemd: false,
    initScripts: ['svc', 'other'],
    files,
    stubs: debStubs({ 'dpkg-statoverride': [{ pattern: '--list*/svc.conf', stdout: `root svcuser 0600 ${conf}` }] }),
    inspect,
  });
  t.equal(overridden.exitCode, 0, overridden.stderr);
  t.notOk(overridden.calls.some((c) => c.startsWith('chown')), 'an admin\'s dpkg-statoverride wins');
  t.equal(overridden.inspection, `644 ${conf}\n644 /var/lib/svc/plain.conf\n`, 'nor is the mode changed');

  const chroot = runInSandbox(script, ['configure', ''], { systemd: false, files, stubs: debStubs(), env: { DPKG_ROOT: '/srv/chroot' } });
  t.notOk(chroot.calls.some((c) => c.startsWith('chown') || c.startsWith('dpkg-statoverride')), 'not inside DPKG_ROOT (names would resolve in the host)');
});

t.test('every service action goes through deb-systemd-invoke or invoke-rc.d, so policy-rc.d is honoured', async (t) => {
  const cases: [string[], boolean][] = [
    [['configure', ''], true],
    [['configure', '1.0.0'], true],
    [['configure', '1.0.0'], false],
  ];
  for (const [args, systemd] of cases) {
    for (const script of [restartSvc, reloadSvc]) {
      const run = runInSandbox(script, args, { systemd, initScripts: ['svc'], stubs: debStubs() });
      const direct = run.calls.filter((c) => /^systemctl /.test(c) && !/daemon-reload|is-active/.test(c));
      t.strictSame(direct, [], `no direct systemctl action for ${args.join(' ')} (systemd: ${systemd})`);
    }
  }
});
