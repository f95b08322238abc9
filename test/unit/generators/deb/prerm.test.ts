// Runs the generated prerm with each dpkg argument convention: only `remove` stops, never an upgrade.
import t from 'tap';
import { debTarget } from '../../../../generators/deb/index.js';
import { runInSandbox } from '../../../helpers/maintainer-script-sandbox.js';
import { debStubs, manifestWith } from '../../../helpers/deb-sandbox.js';

const prerm = debTarget
  .generate(manifestWith({ first: {}, second: { on_upgrade: 'reload' } }), { systemdVersion: 252 })
  .find((f) => f.path === 'DEBIAN/prerm')?.content ?? '';

t.test('remove on systemd: stop every unit through deb-systemd-invoke, last service first', async (t) => {
  const run = runInSandbox(prerm, ['remove'], { systemd: true, initScripts: ['first', 'second'], stubs: debStubs() });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(run.calls, [
    'deb-systemd-invoke stop second.service',
    'deb-systemd-invoke stop first.service',
    'invoke-rc.d --skip-systemd-native second stop',
    'invoke-rc.d --skip-systemd-native first stop',
  ]);
});

t.test('remove on SysV: stop through invoke-rc.d only', async (t) => {
  const run = runInSandbox(prerm, ['remove'], { systemd: false, initScripts: ['first', 'second'], stubs: debStubs() });
  t.strictSame(run.calls, ['invoke-rc.d --skip-systemd-native second stop', 'invoke-rc.d --skip-systemd-native first stop']);
});

t.test('upgrade, failed-upgrade, deconfigure: the service keeps running', async (t) => {
  for (const args of [['upgrade', '1.0.2'], ['failed-upgrade', '1.0.1'], ['deconfigure', 'in-favour', 'other', '1.0', 'removing', 'x', '1.0']]) {
    const run = runInSandbox(prerm, args, { systemd: true, initScripts: ['first', 'second'], stubs: debStubs() });
    t.equal(run.exitCode, 0, `${args[0]} exits 0`);
    t.strictSame(run.calls, [], `${args[0]} calls nothing`);
  }
});

t.test('DPKG_ROOT set: no stop', async (t) => {
  const run = runInSandbox(prerm, ['remove'], {
    systemd: true,
    initScripts: ['first', 'second'],
    stubs: debStubs(),
    env: { DPKG_ROOT: '/srv/chroot' },
  });
  t.strictSame(run.calls, []);
});

t.test('a SysV stop that fails fails the prerm, as debhelper does', async (t) => {
  const stubs = debStubs({ 'invoke-rc.d': [{ pattern: '*stop', exit: 1 }] });
  const run = runInSandbox(prerm, ['remove'], { systemd: false, initScripts: ['first', 'second'], stubs });
  t.equal(run.exitCode, 1);
});
