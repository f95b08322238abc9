// Builds the npm packages into one folder: stage each from the build, check its imports, `npm pack` it.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmPackages, type NpmPackageDefinition } from './package-definitions.js';
import { packStaged } from './pack.js';
import { readRepoPackage } from './repo-package.js';
import { renderRuntimeVersion } from './runtime-version.js';
import { stagePackage } from './stage-package.js';

/** What to build from and where to. */
export interface BuildNpmPackagesOptions {
  projectRoot: string;
  /** `tsc` output of runtime/, generators/ and packaging/ with declarations. */
  buildDir: string;
  /** Where the tarballs go (dist/npm). */
  outDir: string;
  /** Default: both packages. */
  packages?: readonly NpmPackageDefinition[];
  onProgress?: (message: string) => void;
}

/** One built package. */
export interface BuiltNpmPackage {
  name: string;
  version: string;
  tarball: string;
  /** npm's listing of the tarball, sorted. */
  files: string[];
  packageJson: Record<string, unknown>;
}

/** Fails when the build's runtime version is not package.json's (a build older than the version bump). */
async function checkBuiltVersion(buildDir: string, version: string): Promise<void> {
  const path = join(buildDir, 'runtime', 'version.js');
  const text = await readFile(path, 'utf8').catch(() => '');
  const expected = `export const RUNTIME_VERSION = ${JSON.stringify(version)};`;
  if (!text.includes(expected)) {
    throw new Error(`${path} does not say ${expected} (${renderRuntimeVersion(version).split('\n')[0]}): run \`npm run build\``);
  }
}

/** Builds the packages; resolves with each tarball and its listing. */
export async function buildNpmPackages(options: BuildNpmPackagesOptions): Promise<BuiltNpmPackage[]> {
  const progress = options.onProgress ?? (() => undefined);
  const repo = await readRepoPackage(options.projectRoot);
  await checkBuiltVersion(options.buildDir, repo.version);
  await mkdir(options.outDir, { recursive: true });
  const staging = await mkdtemp(join(tmpdir(), 'reloadkit-npm-'));
  try {
    const built: BuiltNpmPackage[] = [];
    for (const definition of options.packages ?? npmPackages) {
      const dir = join(staging, definition.name.replace('/', '__'));
      progress(`staging ${definition.name} ${repo.version}`);
      const packageJson = await stagePackage(definition, repo, { projectRoot: options.projectRoot, buildDir: options.buildDir }, dir);
      const { tarball, files } = await packStaged(dir, options.outDir);
      progress(`wrote ${tarball} (${files.length} files)`);
      built.push({ name: definition.name, version: repo.version, tarball, files, packageJson });
    }
    return built;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
