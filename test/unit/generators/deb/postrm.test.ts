// Runs the generated postrm: daemon-reload and init script disabled on remove; links, state and logs gone on purge.
import t from 'tap';
import { debTarget } from '../../../../generators/deb/index.js';
import { runInSandbox } from '../../../helpers/maintainer-script-sandbox.js';
import { debStubs, manifestWith } from '../../../helpers/deb-sandbox.js';

const postrm = debTarget
  .generate(
    manifestWith({ svc: { user: 'svcuser', state_directory: 'svc', logs_directory: 'svc', on_upgrade: 'restart' } }),
    { systemdVersion: 252 },
  )
  .find((f) => f.path === 'DEBIAN/postrm')?.content ?? '';
const inspect = 'stat -c "%n %a" /etc/init.d/svc; ls -d /var/lib/svc /var/log/svc /var/lib/reloadkit/pkg.md5sums 2>&1 || true';
const files = { '/var/lib/svc/data': 'state\n', '/var/log/svc/svc.log': 'log\n', '/var/lib/reloadkit/pkg.md5sums': 'x\n' };

t.test('remove: daemon-reload, the init script loses its execute bit, data stays', async (t) => {
  const run = runInSandbox(postrm, ['remove'], { systemd: true, initScripts: ['svc'], files, stubs: debStubs(), inspect });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(run.calls, ['systemctl --system daemon-reload']);
  t.match(run.inspection, /^\/etc\/init\.d\/svc 644$/m);
  t.match(run.inspection, /^\/var\/lib\/svc$/m);
  t.match(run.inspection, /^\/var\/log\/svc$/m);
});

t.test('purge: systemd state purged, rc links removed, state, logs and saved checksums deleted; the account stays', async (t) => {
  const run = runInSandbox(postrm, ['purge'], { systemd: true, initScripts: ['svc'], files, stubs: debStubs(), inspect });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(run.calls, ['deb-systemd-helper purge svc.service', 'update-rc.d svc remove']);
  t.match(run.inspection, /cannot access '\/var\/lib\/svc'/);
  t.match(run.inspection, /cannot access '\/var\/log\/svc'/);
  t.match(run.inspection, /cannot access '\/var\/lib\/reloadkit\/pkg\.md5sums'/);
  t.notOk(run.calls.some((c) => /deluser|userdel/.test(c)), 'no account removal');
});

t.test('upgrade, failed-upgrade, abort-install, abort-upgrade, disappear: nothing happens', async (t) => {
  for (const args of [['upgrade', '1.0.2'], ['failed-upgrade', '1.0.1'], ['abort-install'], ['abort-upgrade', '1.0.0'], ['disappear', 'other', '1.0']]) {
    const run = runInSandbox(postrm, args, { systemd: true, initScripts: ['svc'], files, stubs: debStubs(), inspect });
    t.equal(run.exitCode, 0, `${args[0]} exits 0`);
    t.strictSame(run.calls, [], `${args[0]} calls nothing`);
    t.match(run.inspection, /^\/etc\/init\.d\/svc 755$/m, `${args[0]} keeps the init script executable`);
  }
});

t.test('DPKG_ROOT set: purge removes files below it, runs no update-rc.d and no daemon-reload', async (t) => {
  const run = runInSandbox(postrm, ['purge'], {
    systemd: true,
    stubs: debStubs(),
    env: { DPKG_ROOT: '/var/lib/root' },
    files: { '/var/lib/root/var/log/svc/svc.log': 'log\n', '/var/log/svc/host.log': 'host\n' },
    inspect: 'ls /var/lib/root/var/log/svc /var/log/svc 2>&1 || true',
  });
  t.equal(run.exitCode, 0, run.stderr);
  t.strictSame(run.calls, ['deb-systemd-helper purge svc.service']);
  t.match(run.inspection, /cannot access '\/var\/lib\/root\/var\/log\/svc'/);
  t.match(run.inspection, /host\.log/, "the host's own directory is untouched");
});
