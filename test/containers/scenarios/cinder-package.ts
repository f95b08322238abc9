// The package scenario (issue 5's steps 1–7), run on every row: the installed cinder .debs' cinder-volume,
// started, reloaded, refused a bad file, stopped and upgraded by the row's own init system.

import { type Checks, expectEqual } from '../checks.js';
import type { CinderPackageVersions } from '../cinder-packages.js';
import type { Container } from '../container.js';
import { HarnessError } from '../errors.js';
import { withEvidence } from '../evidence.js';
import { logProgress } from '../log.js';
import { cinderConf } from './cinder-config.js';
import { cinderVolume, copyPackages, installCinderDebs } from './cinder-install.js';
import { removeAndPurge, stopWithWorkInFlight, upgradeConffileOnly } from './cinder-lifecycle.js';
import { backendPorts, refuseInvalidConfig, type ReloadState, reloadUnderLoad } from './cinder-reload.js';
import { installWorkloadTools, startFakeBackends, waitUntilServing } from './cinder-workload.js';

// Runs one named step, printing how long it took.
async function step<T>(container: Container, name: string, run: () => Promise<T>): Promise<T> {
  const startedAt = Date.now();
  const result = await run();
  logProgress(container.name, `${name}: ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return result;
}

// Step 1: install, let the maintainer scripts (or the admin, as the row's profile says) start it, wait until it serves.
async function installAndStart(t: Checks, container: Container, packages: CinderPackageVersions): Promise<ReloadState> {
  const service = cinderVolume;
  await installWorkloadTools(container);
  // the drivers connect at start-up: the backends must be there before the service starts
  await startFakeBackends(container, [backendPorts.a, backendPorts.b, backendPorts.c]);
  const files = await copyPackages(container, packages.v1, '/var/tmp/rk-debs/1.0.0');
  await withEvidence(container, service, 'apt-get install', () => installCinderDebs(container, files));
  const mode = (await container.run(`stat -c '%U:%G %a' ${cinderConf}`)).trim();
  await expectEqual(t, container, service, mode, 'root:cinder 640', 'cinder.conf is readable by the cinder account (root:cinder 0640)');
  const pid = await withEvidence(container, service, 'the installed service serves', () => waitUntilServing(container));
  const installed = await container.run(`cat ${cinderConf}`, { stripFinalNewline: false });
  await expectEqual(t, container, service, installed, packages.packagedConf, 'the installed cinder.conf is the packaged one');
  return { pid, conf: packages.packagedConf, backendAPort: backendPorts.a, debug: false, reloads: 0 };
}

// Runs steps 1–7 in a booted container of any row.
export async function runCinderPackageScenario(t: Checks, container: Container, packages: CinderPackageVersions): Promise<void> {
  const { row } = container;
  const state = await step(container, '1 install and start', () => installAndStart(t, container, packages));
  const commands = row.reloadCommands(cinderVolume);
  for (const command of commands) {
    await step(container, `2-4 reload under load with \`${command.command}\``, () => reloadUnderLoad(t, container, state, command));
  }
  const first = commands[0];
  if (first === undefined) throw new HarnessError(`row ${row.id} has no reload command`);
  await step(container, '5 invalid config refused', () => refuseInvalidConfig(t, container, state, first));
  await step(container, '6 stop with work in flight', () => stopWithWorkInFlight(t, container, state));
  const v2 = await copyPackages(container, packages.v2ConffileOnly, '/var/tmp/rk-debs/1.0.1');
  await step(container, '7 conffile-only upgrade', () => upgradeConffileOnly(t, container, state, packages.packagedConf, v2));
  await step(container, '7 remove and purge', () => removeAndPurge(t, container));
}
