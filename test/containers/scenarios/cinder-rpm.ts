// The RPM path, on a row whose PID 1 is systemd: the cinder .rpm files installed with Debian's rpm
// (--nodeps: Debian's rpm database knows none of the dependencies, which dpkg provides), their scriptlets
// run under the container's systemd. What they must do is what Fedora's %systemd_* macros do: enable per
// preset on install (never start), reload on an upgrade that changed only config files (never restart),
// stop and disable on erase.

import { type Checks, expectEqual } from '../checks.js';
import { type CinderPackageVersions, conffileChange, packageFile } from '../cinder-packages.js';
import type { Container } from '../container.js';
import { withEvidence } from '../evidence.js';
import { cinderConf, waitForNotification } from './cinder-config.js';
import { cinderVolume, installedPackages } from './cinder-install.js';
import { backendPorts } from './cinder-reload.js';
import { createVolumeOnce, installWorkloadTools, readHealth, startFakeBackends, waitUntilServing } from './cinder-workload.js';

// Debian's rpm database knows none of the dependencies (dpkg provides them).
const rpmOptions = '--nodeps';

async function copyRpms(container: Container, files: readonly string[], folder: string): Promise<string> {
  await container.run(`rm -rf ${folder} && mkdir -p ${folder}`);
  const paths: string[] = [];
  for (const name of installedPackages) {
    const file = packageFile(files, name);
    const target = `${folder}/${file.slice(file.lastIndexOf('/') + 1)}`;
    await container.copyIn(file, target);
    paths.push(target);
  }
  return paths.join(' ');
}

async function unitState(container: Container): Promise<string> {
  const result = await container.exec('systemctl is-enabled cinder-volume.service; systemctl is-active cinder-volume.service');
  return result.stdout.trim().split('\n').join(' ');
}

// Install → enabled, not started; admin starts it; conffile-only upgrade → reloaded; erase → stopped, disabled.
export async function runCinderRpmScenario(t: Checks, container: Container, packages: CinderPackageVersions): Promise<void> {
  const service = cinderVolume;
  await installWorkloadTools(container);
  await startFakeBackends(container, [backendPorts.a, backendPorts.b]);
  const v1 = await copyRpms(container, packages.v1, '/var/tmp/rk-rpms/1.0.0');
  const install = await withEvidence(container, service, 'rpm -i', () => container.run(`rpm -i ${rpmOptions} ${v1} 2>&1`, { timeoutMs: 120_000 }));
  await expectEqual(t, container, service, await unitState(container), 'enabled inactive', '%post enabled the unit per preset and did not start it (as %systemd_post)', { install });
  const mode = (await container.run(`stat -c '%U:%G %a' ${cinderConf}`)).trim();
  await expectEqual(t, container, service, mode, 'root:cinder 640', 'cinder.conf belongs to group cinder (%attr; the account was created by %pre)');

  const pid = await withEvidence(container, service, 'systemctl start', async () => {
    await container.run('systemctl start cinder-volume.service', { timeoutMs: 60_000 });
    return waitUntilServing(container);
  });
  const served = await createVolumeOnce(container, 'backend_a');
  await expectEqual(t, container, service, [served.status, served.body['backend_port']].join(' '), `200 ${backendPorts.a}`, 'the installed service serves backend A');

  const v2 = await copyRpms(container, packages.v2ConffileOnly, '/var/tmp/rk-rpms/1.0.1');
  const upgrade = await withEvidence(container, service, 'rpm -U', () => container.run(`rpm -U ${rpmOptions} ${v2} 2>&1`, { timeoutMs: 120_000 }));
  const end = await withEvidence(container, service, 'reload.end after rpm -U', () =>
    waitForNotification(container, 'reload.end after the upgrade', (e) => e.event === 'reload.end' && e['pid'] === pid));
  await expectEqual(t, container, service, JSON.stringify([end['outcome'], end['changed']]), JSON.stringify(['succeeded', [conffileChange.option]]),
    `%posttrans reloaded the service with 1.0.1's cinder.conf (changed: ${conffileChange.option})`, { event: end, upgrade });
  await expectEqual(t, container, service, Number((await readHealth(container))?.body['pid']), pid, 'same PID after the upgrade: reloaded, not restarted');
  const versions = await container.run(`rpm -q --qf '%{VERSION} ' ${installedPackages.join(' ')}`);
  await expectEqual(t, container, service, versions.trim(), '1.0.1 1.0.1', 'rpm lists 1.0.1');

  await withEvidence(container, service, 'rpm -e', () =>
    container.run(`rpm -e ${rpmOptions} ${[...installedPackages].reverse().join(' ')} 2>&1`, { timeoutMs: 120_000 }));
  await expectEqual(t, container, service, (await container.exec('pgrep -x cinder-volume')).exitCode, 1, '%preun stopped the service');
  const wants = '/etc/systemd/system/multi-user.target.wants/cinder-volume.service';
  const left = await container.exec(`ls -d ${wants} /usr/lib/systemd/system/cinder-volume.service /usr/bin/cinder-volume 2>/dev/null`);
  await expectEqual(t, container, service, left.stdout.trim(), '', '%preun disabled the unit and rpm removed its files');
}
