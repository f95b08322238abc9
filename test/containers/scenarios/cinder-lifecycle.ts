// Steps 6 and 7 of the package scenario: a stop through the init system lets the operation in flight
// finish and the service exit cleanly; an upgrade whose only change is the conffile reloads the running
// service (same PID, new file in effect); then the packages are removed and purged.

import { type Checks, expectEqual } from '../checks.js';
import { conffileChange } from '../cinder-packages.js';
import type { Container } from '../container.js';
import { withEvidence } from '../evidence.js';
import { cinderConf, waitForNotification, writeCinderConf } from './cinder-config.js';
import { cinderVolume, installedPackages, upgradeCinderDebs } from './cinder-install.js';
import type { ReloadState } from './cinder-reload.js';
import { readHealth, startBatch, waitForBackendEvents, waitUntilServing } from './cinder-workload.js';

const stopInFlightMs = 4000;

async function isRunning(container: Container): Promise<boolean> {
  return (await container.exec('pgrep -x cinder-volume')).exitCode === 0;
}

// How the init system saw the service end, where it records that (the row's profile: cleanExit).
async function checkCleanExit(t: Checks, container: Container): Promise<void> {
  const check = container.row.profile.cleanExit;
  if (check === undefined) return;
  const shown = await container.exec(check.command(cinderVolume.name));
  await expectEqual(t, container, cinderVolume, check.summarise(shown.stdout), check.expected, check.what);
}

// Step 6: stop through the init system while an operation runs; it completes and the service exits cleanly.
export async function stopWithWorkInFlight(t: Checks, container: Container, state: ReloadState): Promise<void> {
  const service = cinderVolume;
  const port = state.backendAPort;
  const before = (await waitForBackendEvents(container, port, 'its log', () => true)).filter((e) => e['event'] === 'op.start').length;
  const work = await startBatch(container, 'backend_a', 1, stopInFlightMs);
  await withEvidence(container, service, 'an operation in flight before the stop', () =>
    waitForBackendEvents(container, port, 'the operation started', (e) => e.filter((x) => x['event'] === 'op.start').length > before));
  const command = container.row.profile.stopCommand(service.name);
  const startedAt = Date.now();
  const stop = await container.exec(command, { timeoutMs: 150_000 });
  const stopSeconds = (Date.now() - startedAt) / 1000;
  await expectEqual(t, container, service, stop.exitCode, 0, `\`${command}\` exits 0 (${stopSeconds.toFixed(1)} s)`, { output: `${stop.stdout}${stop.stderr}` });
  const [answer] = await work.answers();
  await expectEqual(t, container, service, [answer?.status, answer?.body['backend_port']].join(' '), `200 ${port}`, 'the operation in flight completed during the stop', { answer });
  await expectEqual(t, container, service, await isRunning(container), false, 'no cinder-volume process is left');
  await expectEqual(t, container, service, stopSeconds < 60, true, `the stop ended on SIGTERM, well inside the TERM budget (${stopSeconds.toFixed(1)} s)`);
  await checkCleanExit(t, container);
}

// Step 7: back on the packaged 1.0.0 file, start, upgrade to 1.0.1 (conffile only): reloaded, same PID.
export async function upgradeConffileOnly(t: Checks, container: Container, state: ReloadState, packagedConf: string, v2: readonly string[]): Promise<void> {
  const service = cinderVolume;
  // the admin undoes their edits: the file equals the packaged one again, so dpkg takes 1.0.1's without asking
  await writeCinderConf(container, packagedConf);
  const command = container.row.profile.startCommand(service.name);
  await withEvidence(container, service, `start again with \`${command}\``, async () => {
    await container.run(command, { timeoutMs: 60_000 });
    state.pid = await waitUntilServing(container);
  });
  const upgrade = await withEvidence(container, service, 'upgrade to 1.0.1', () => upgradeCinderDebs(container, v2));
  const end = await withEvidence(container, service, 'reload.end of the upgrade\'s reload', () =>
    waitForNotification(container, 'reload.end after the upgrade', (e) => e.event === 'reload.end' && e['pid'] === state.pid));
  await expectEqual(t, container, service, JSON.stringify([end['outcome'], end['changed']]), JSON.stringify(['succeeded', [conffileChange.option]]),
    `the upgrade reloaded the service with 1.0.1's cinder.conf (changed: ${conffileChange.option})`, { event: end, upgrade });
  await expectEqual(t, container, service, Number((await readHealth(container))?.body['pid']), state.pid, 'same PID after the upgrade: reloaded, not restarted');
  const installed = await container.run(`dpkg-query -W -f '\${Version} ' ${installedPackages.join(' ')}; grep -c '^${conffileChange.to}$' ${cinderConf}`);
  await expectEqual(t, container, service, installed.trim(), '1.0.1-1 1.0.1-1 1', '1.0.1 is installed with its cinder.conf');
}

// Step 7, end: remove stops the service and keeps the conffile; purge removes it and the registration.
export async function removeAndPurge(t: Checks, container: Container): Promise<void> {
  const service = cinderVolume;
  const packages = [...installedPackages].reverse().join(' ');
  await withEvidence(container, service, 'remove', () => container.run(`dpkg --remove ${packages} 2>&1`, { timeoutMs: 150_000 }));
  await expectEqual(t, container, service, await isRunning(container), false, 'remove stopped the service');
  await expectEqual(t, container, service, (await container.exec(`test -f ${cinderConf}`)).exitCode, 0, 'remove kept cinder.conf');
  await withEvidence(container, service, 'purge', () => container.run(`dpkg --purge ${packages} 2>&1`, { timeoutMs: 150_000 }));
  const left = await container.exec(`ls -d /etc/cinder /var/log/cinder /var/lib/cinder 2>/dev/null; for p in ${packages}; do dpkg -s $p >/dev/null 2>&1 && echo "$p still known to dpkg"; done`);
  await expectEqual(t, container, service, left.stdout.trim(), '', 'purge left no configuration, state, logs or package record');
}
