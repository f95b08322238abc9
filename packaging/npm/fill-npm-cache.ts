// Fetches once into npm's cache (~/.npm) what installing the reloadkit tarball needs, so that it installs with
// `npm install --offline` (the new-user test does). `npm ci` caches only tarballs, not the registry metadata a
// fresh project resolves ranges with. scripts/install-deps.sh runs this through tsx after `npm ci`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTool } from '../run-tool.js';
import { npmPackages } from './package-definitions.js';
import { readRepoPackage } from './repo-package.js';

/** `name@range` of every dependency the packages may have, at the repository's ranges. */
export async function listDependencySpecs(projectRoot: string): Promise<string[]> {
  const repo = await readRepoPackage(projectRoot);
  const names = [...new Set(npmPackages.flatMap((p) => p.allowedDependencies))].sort();
  return names.map((name) => {
    const range = repo.ranges.get(name);
    if (range === undefined) throw new Error(`${name} has no version range in the repository's package.json`);
    return `${name}@${range}`;
  });
}

/** Installs the specs into a throw-away folder (online), which leaves their metadata and tarballs in the cache. */
export async function fillNpmCache(projectRoot: string): Promise<string[]> {
  const specs = await listDependencySpecs(projectRoot);
  const scratch = await mkdtemp(join(tmpdir(), 'reloadkit-npm-cache-'));
  try {
    const flags = ['--no-save', '--no-package-lock', '--ignore-scripts', '--no-audit', '--no-fund'];
    await runTool('npm', ['install', '--prefix', scratch, ...flags, ...specs], { cwd: scratch });
    return specs;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const specs = await fillNpmCache(fileURLToPath(new URL('../../', import.meta.url)));
  process.stdout.write(`npm cache holds ${specs.join(' ')} and their dependencies\n`);
}
