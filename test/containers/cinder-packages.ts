// The cinder packages the package scenarios install: built by the test from this source tree with the
// packaging code (as `make packages` does), in two versions — 1.0.0, and 1.0.1 whose only change is the
// conffile /etc/cinder/cinder.conf — and cached by a hash of everything that goes into them.

import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPackages } from '../../packaging/build-packages.js';
import type { Manifest } from '../../generators/manifest/index.js';
import { ensureCached } from '../helpers/packaging/cache-lock.js';
import { hashSourceTree } from '../helpers/source-hash.js';
import { compileShippedCode, loadCinderPackagingManifest, withPackagedFile } from '../helpers/packaging/cinder-packages.js';
import { manifestAtVersion } from '../helpers/packaging/upgrade-builds.js';
import { HarnessError } from './errors.js';
import { logProgress } from './log.js';
import { cacheDir, projectRoot } from './paths.js';

// The two versions of every package, each list in build order (the common package first, then the services).
export interface CinderPackageVersions {
  v1: string[];
  /** 1.0.1: the same payload; only cinder.conf differs (conffileChange) */
  v2ConffileOnly: string[];
  /** the text of 1.0.0's /etc/cinder/cinder.conf */
  packagedConf: string;
}

// What the 1.0.1 conffile changes, and how the scenario recognises it in reload.end's `changed`.
export const conffileChange = { option: 'DEFAULT.reload_drain_timeout', from: 'reload_drain_timeout = 60', to: 'reload_drain_timeout = 45' };

// Where the packaged cinder.conf sends notifications: the sample's commented-out line, switched on.
export const notificationFile = '/var/log/cinder/notifications.jsonl';

const sourceDirs = ['runtime', 'examples', 'generators', 'templates', 'packaging'];

function hashInputs(extra: string): Promise<string> {
  return hashSourceTree(projectRoot, ['tsconfig.json', 'test/containers/cinder-packages.ts', ...sourceDirs], extra);
}

function replaceOnce(text: string, from: string, to: string, what: string): string {
  if (!text.includes(from)) {
    throw new HarnessError(`cannot prepare the test's cinder.conf (${what}): examples/cinder/etc/cinder.conf has no line "${from}"`);
  }
  return text.replace(from, to);
}

// The packaged sample config with the notification file switched on, and the 1.0.1 variant.
async function writeConffiles(dir: string): Promise<{ v1: string; v2: string }> {
  const sample = await readFile(join(projectRoot, 'examples', 'cinder', 'etc', 'cinder.conf'), 'utf8');
  const v1Text = replaceOnce(sample, `#notification_file = ${notificationFile}`, `notification_file = ${notificationFile}`, 'notification file');
  const v2Text = replaceOnce(v1Text, conffileChange.from, conffileChange.to, '1.0.1 change');
  const v1 = join(dir, 'cinder.conf.1.0.0');
  const v2 = join(dir, 'cinder.conf.1.0.1');
  await writeFile(v1, v1Text);
  await writeFile(v2, v2Text);
  return { v1, v2 };
}

function withConf(manifest: Manifest, confPath: string): Manifest {
  return withPackagedFile(manifest, '/etc/cinder/cinder.conf', confPath);
}

// Builds (or finds cached) both versions in `format`, with units for `systemdVersion` (252 = Debian 12's
// Type=notify with the synchronous client, >= 253 = Type=notify-reload).
export async function ensureCinderPackages(format: 'deb' | 'rpm', systemdVersion: number): Promise<CinderPackageVersions> {
  const root = join(cacheDir(), 'packages');
  await mkdir(root, { recursive: true });
  const key = `${format}-systemd${systemdVersion}`;
  const dir = join(root, `${key}-${await hashInputs(key)}`);
  const startedAt = Date.now();
  let built = false;
  await ensureCached(dir, async (tmp) => {
    built = true;
    logProgress('packages', `building cinder ${format} packages 1.0.0 and 1.0.1 (systemd ${systemdVersion} units)`);
    await mkdir(tmp, { recursive: true });
    const conf = await writeConffiles(tmp);
    const manifest = await loadCinderPackagingManifest();
    const buildDir = await compileShippedCode();
    const common = { manifestPath: join(projectRoot, 'examples/cinder/reloadkit.yaml'), codeFrom: buildDir, formats: [format], systemdVersion };
    await buildPackages({ ...common, manifest: withConf(manifest, conf.v1), outDir: join(tmp, 'v1') });
    await buildPackages({
      ...common,
      manifest: withConf(manifestAtVersion(manifest, '1.0.1', 'Change only the configuration file.'), conf.v2),
      outDir: join(tmp, 'v2'),
    });
  }).catch((cause: Error) => {
    throw new HarnessError(`cannot build the cinder ${format} packages for the container scenarios: ${cause.message}`, { cause });
  });
  if (built) {
    logProgress('packages', `${key} built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    // builds of older sources of the same kind are never used again
    for (const name of await readdir(root)) {
      if (name.startsWith(`${key}-`) && join(root, name) !== dir && !name.includes('.')) await rm(join(root, name), { recursive: true, force: true });
    }
  }
  const list = async (version: string) => (await readdir(join(dir, version))).sort().map((name) => join(dir, version, name));
  const packagedConf = await readFile(join(dir, 'cinder.conf.1.0.0'), 'utf8');
  return { v1: await list('v1'), v2ConffileOnly: await list('v2'), packagedConf };
}

// The file of `pkg` among `files` (e.g. cinder-volume_1.0.0-1_all.deb); throws naming what exists.
export function packageFile(files: readonly string[], pkg: string): string {
  const found = files.find((file) => new RegExp(`/${pkg}[_-]\\d`).test(file));
  if (!found) throw new HarnessError(`no ${pkg} package among ${files.join(', ')}`);
  return found;
}
