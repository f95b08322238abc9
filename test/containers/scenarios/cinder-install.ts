// Installs the cinder .debs into a container the way an administrator of each init system would, so that
// the init system itself starts the service:
// - systemd, sysvinit: `apt-get install ./….deb`; the maintainer scripts enable and start the packaged
//   unit / LSB init script.
// - OpenRC: the packages ship an LSB script; the generated OpenRC runscript replaces it through a local
//   dpkg diversion made before installing (the LSB script goes to /usr/local/lib/cinder-volume.lsb-init, out of
//   /etc/init.d where OpenRC and insserv would take it for a second service), so the
//   maintainer scripts' update-rc.d and invoke-rc.d (which hand over to rc-update / rc-service on OpenRC)
//   act on the runscript.
// - runit: the generated service directory is put in /etc/sv before installing and enabled (linked into
//   /etc/service) after; until then Debian's runit hook in /lib/lsb/init-functions.d/40-runit turns the
//   LSB script's actions into no-ops, and afterwards into `sv` commands, so the maintainer scripts' start,
//   reload and stop reach runsv.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findTarget } from '../../../generators/registry.js';
import { loadCinderPackagingManifest } from '../../helpers/packaging/cinder-packages.js';
import { notificationFile, packageFile } from '../cinder-packages.js';
import type { Container } from '../container.js';
import type { ServiceUnderTest } from '../init-profiles.js';

// The service under test, with the files printed when a check fails.
export const cinderVolume: ServiceUnderTest = {
  name: 'cinder-volume',
  logFiles: [notificationFile, '/var/log/runit/cinder-volume/current'],
};

// The packages the scenario installs: the service under test and what it depends on.
export const installedPackages = ['reloadkit-example-cinder-common', 'reloadkit-example-cinder-volume'];

// Where the OpenRC row keeps the package's LSB script once diverted.
const divertedLsbScript = '/usr/local/lib/cinder-volume.lsb-init';

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

// Writes what the generator produces for `target` (openrc, runit) for cinder-volume into the container.
async function installGeneratedFiles(container: Container, target: string): Promise<void> {
  const manifest = await loadCinderPackagingManifest();
  const files = findTarget(target).generate(manifest, { systemdVersion: 252 })
    .filter((file) => file.path.includes('/cinder-volume'));
  const staging = await mkdtemp(join(tmpdir(), `rk-${target}-`));
  try {
    for (const file of files) {
      await mkdir(dirname(join(staging, file.path)), { recursive: true });
      await writeFile(join(staging, file.path), file.content, { mode: file.mode });
      await container.run(`mkdir -p /${dirname(file.path)}`);
      await container.copyIn(join(staging, file.path), `/${file.path}`);
      await container.run(`chown root:root /${file.path} && chmod ${file.mode.toString(8)} /${file.path}`);
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

// What the administrator does before `apt-get install` on this init system.
async function prepareInit(container: Container): Promise<void> {
  switch (container.row.profile.init) {
    case 'openrc':
      await container.run(`dpkg-divert --local --rename --divert ${divertedLsbScript} --add /etc/init.d/cinder-volume`);
      return installGeneratedFiles(container, 'openrc');
    case 'runit':
      return installGeneratedFiles(container, 'runit');
    default:
      return;
  }
}

// Installs the packages (dependencies are in the image: nodejs, adduser, init-system-helpers) and, on
// runit, enables the service. Returns apt-get's output.
export async function installCinderDebs(container: Container, debs: readonly string[]): Promise<string> {
  await prepareInit(container);
  const output = await container.run(`DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${debs.join(' ')} 2>&1`, {
    timeoutMs: 180_000,
  });
  // runsvdir picks the link up within 5 s
  if (container.row.profile.init === 'runit') await container.run('ln -s /etc/sv/cinder-volume /etc/service/cinder-volume');
  return output;
}

// Upgrades to newer .debs the same way (apt-get install of the files); returns apt-get's output.
export async function upgradeCinderDebs(container: Container, debs: readonly string[]): Promise<string> {
  return container.run(`DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${debs.join(' ')} 2>&1`, {
    timeoutMs: 180_000,
  });
}
