// Installs the smoke service (test/containers/fixtures/smoke) into a container the way the row's init
// system expects a service to be installed: its init files are generated from fixtures/smoke/reloadkit.yaml
// by the row's generator target, then the profile enables and starts it. Later scenarios install packages.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Manifest, parseManifest } from '../../../generators/manifest/index.js';
import type { Container } from '../container.js';
import { HarnessError } from '../errors.js';
import { installGeneratedFiles } from '../generated-files.js';
import type { ServiceUnderTest } from '../init-profiles.js';
import { fixturesDir } from '../paths.js';

// The smoke service as the evidence collector sees it.
export const smokeService: ServiceUnderTest = {
  name: 'rk-smoke',
  logFiles: ['/var/log/rk-smoke/rk-smoke.log'],
  reloadClient: '/usr/local/bin/rk-smoke-reload',
};

// Where the smoke daemon keeps its reload counter inside the container.
export const smokeCounterFile = '/run/rk-smoke/reloads';

const smokeFixtures = join(fixturesDir, 'smoke');

// The smoke service's manifest, from which every row's init files are generated.
export const smokeManifestFile = join(smokeFixtures, 'reloadkit.yaml');

// Reads and validates the smoke manifest.
export async function loadSmokeManifest(): Promise<Manifest> {
  return parseManifest(await readFile(smokeManifestFile, 'utf8'), smokeManifestFile);
}

// Reads the daemon's reload counter; undefined while it does not exist yet.
export async function readSmokeCounter(container: Container): Promise<number | undefined> {
  const result = await container.exec(`cat ${smokeCounterFile}`);
  return result.exitCode === 0 ? Number(result.stdout.trim()) : undefined;
}

// Copies the daemon and its reload client in, installs the init files the row's target generates, then
// enables and starts the service and waits until the daemon has written its counter (0 reloads).
export async function installSmokeService(container: Container, timeoutMs = 20_000): Promise<void> {
  const { profile } = container.row;
  await container.copyIn(join(smokeFixtures, 'rk-smoke-daemon'), '/usr/local/bin/rk-smoke-daemon');
  await container.copyIn(join(smokeFixtures, 'rk-smoke-reload'), '/usr/local/bin/rk-smoke-reload');
  const installed = await installGeneratedFiles(container, profile.target, await loadSmokeManifest(), smokeService.name);
  if (installed.length === 0) throw new HarnessError(`target ${profile.target} generated no file for ${smokeService.name}`);
  await container.run(profile.enableAndStart(smokeService.name));
  const startedAt = Date.now();
  while (Date.now() - startedAt < timeoutMs) {
    if ((await readSmokeCounter(container)) === 0 && (await container.exec('test -s /run/rk-smoke/pid')).exitCode === 0) return;
    await sleep(250);
  }
  throw new HarnessError(`the smoke service did not start within ${timeoutMs / 1000} s in ${container.name} (no ${smokeCounterFile})`);
}
