// Three versions of the cinder .debs for upgrade tests: 1.0.0; 1.0.1 changes only cinder.conf (a conffile);
// 1.0.2 changes only the code of every service.
import { appendFile, cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Manifest } from '../../../generators/manifest/index.js';
import { buildCinderPackages, cinderPackageNames, compileShippedCode, loadCinderPackagingManifest, withPackagedFile } from './cinder-packages.js';
import { projectRoot } from './compiled-build.js';

/** The services, in manifest order (each in a package of its own: cinderPackageNames). */
export const cinderServices = ['cinder-volume', 'cinder-scheduler', 'cinder-api'] as const;

/** The service packages, in manifest order. */
export const cinderServicePackages = cinderServices.map((service) => cinderPackageNames[service]);

/** The .deb paths of each version, and the manifest they were built from. */
export interface UpgradeBuilds {
  manifest: Manifest;
  v1: string[];
  v2ConffileOnly: string[];
  v3CodeOnly: string[];
}

/** The manifest at a higher version, with a changelog entry for it. */
export function manifestAtVersion(manifest: Manifest, version: string, change: string): Manifest {
  const entry = { version, date: '2026-11-28', changes: [change] };
  return { ...manifest, package: { ...manifest.package, version, changelog: [entry, ...manifest.package.changelog] } };
}

function withConf(manifest: Manifest, confPath: string): Manifest {
  return withPackagedFile(manifest, '/etc/cinder/cinder.conf', confPath);
}

/** Builds the three versions under `work`. */
export async function buildUpgradeVersions(work: string): Promise<UpgradeBuilds> {
  const manifest = await loadCinderPackagingManifest();
  const changedConf = join(work, 'cinder.conf');
  const original = await readFile(join(projectRoot, 'examples/cinder/etc/cinder.conf'), 'utf8');
  await writeFile(changedConf, `${original}\n# changed in 1.0.1\n`);
  const changedBuild = join(work, 'build');
  await cp(await compileShippedCode(), changedBuild, { recursive: true });
  for (const service of cinderServices) {
    await appendFile(join(changedBuild, `examples/cinder/${service}/main.js`), '// changed in 1.0.2\n');
  }
  const v101 = manifestAtVersion(manifest, '1.0.1', 'Change only the configuration file.');
  return {
    manifest,
    v1: await buildCinderPackages(join(work, 'v1'), { formats: ['deb'] }),
    v2ConffileOnly: await buildCinderPackages(join(work, 'v2'), { formats: ['deb'], manifest: withConf(v101, changedConf) }),
    v3CodeOnly: await buildCinderPackages(join(work, 'v3'), {
      formats: ['deb'],
      manifest: withConf(manifestAtVersion(v101, '1.0.2', 'Change the services code.'), changedConf),
      buildDir: changedBuild,
    }),
  };
}
