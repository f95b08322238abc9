// Installs the cinder .debs into a container the way an administrator of each init system would, so that
// the init system itself starts the service: the row's profile says what to do around `apt-get install`
// (profiles/: a diversion on OpenRC, the generated service directory on runit, …); the packages'
// maintainer scripts then enable and start the packaged unit or init script, or reach the init system
// through it.

import { loadCinderPackagingManifest } from '../../helpers/packaging/cinder-packages.js';
import { notificationFile, packageFile } from '../cinder-packages.js';
import type { Container } from '../container.js';
import { installGeneratedFiles } from '../generated-files.js';
import type { ServiceUnderTest } from '../init-profiles.js';

// The service under test, with the files printed when a check fails.
export const cinderVolume: ServiceUnderTest = {
  name: 'cinder-volume',
  logFiles: [notificationFile],
  reloadClient: 'cinder-volume reload',
};

// The packages the scenario installs: the service under test and what it depends on.
export const installedPackages = ['reloadkit-example-cinder-common', 'reloadkit-example-cinder-volume'];

// Copies the given package files into the container; returns their paths there.
export async function copyPackages(container: Container, files: readonly string[], folder: string): Promise<string[]> {
  await container.run(`rm -rf ${folder} && mkdir -p ${folder}`);
  const inContainer: string[] = [];
  for (const name of installedPackages) {
    const file = packageFile(files, name);
    const target = `${folder}/${file.slice(file.lastIndexOf('/') + 1)}`;
    await container.copyIn(file, target);
    inContainer.push(target);
  }
  return inContainer;
}

// Installs the packages (dependencies are in the image: nodejs, adduser, init-system-helpers) with what the
// row's profile does before and after. Returns apt-get's output.
export async function installCinderDebs(container: Container, debs: readonly string[]): Promise<string> {
  const { profile } = container.row;
  const service = cinderVolume.name;
  for (const command of profile.packageSetup.before(service)) await container.run(command);
  if (profile.packageSetup.installsGeneratedFiles) {
    await installGeneratedFiles(container, profile.target, await loadCinderPackagingManifest(), service);
  }
  for (const command of profile.packageSetup.ready(service)) await container.run(command);
  const output = await container.run(`DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${debs.join(' ')} 2>&1`, {
    timeoutMs: 180_000,
  });
  for (const command of profile.packageSetup.after(service)) await container.run(command);
  return output;
}

// Upgrades to newer .debs the same way (apt-get install of the files); returns apt-get's output.
export async function upgradeCinderDebs(container: Container, debs: readonly string[]): Promise<string> {
  return container.run(`DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${debs.join(' ')} 2>&1`, {
    timeoutMs: 180_000,
  });
}
