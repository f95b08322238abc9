// Builds every package a manifest declares in every requested format: manifest → plan → packager, with progress.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseLocatedManifest, type LineLocator, type Manifest } from '../generators/manifest/index.js';
import { PackagingError, wrapError } from './errors.js';
import { checkLayoutSources } from './layout/check-sources.js';
import { collectGeneratedInputs } from './layout/generator-output.js';
import { resolvePackageLayout, type PackageLayout } from './layout/package-layout.js';
import { planPackages } from './layout/plan-packages.js';
import { findPackager } from './registry.js';

/** What to build and where. */
export interface BuildPackagesOptions {
  /** Path of reloadkit.yaml; the layout's source paths are relative to its directory. */
  manifestPath: string;
  /** Replaces the manifest read from manifestPath (tests build a higher version this way). */
  manifest?: Manifest;
  /** Replaces the manifest's package.code_from (tests ship a cached or changed build). */
  codeFrom?: string;
  outDir: string;
  formats: string[];
  /** Default: $SOURCE_DATE_EPOCH, else the date of the newest changelog entry. */
  sourceDateEpoch?: number;
  /** systemd version the units are generated for (default 252, Debian 12). */
  systemdVersion?: number;
  onProgress?: (message: string) => void;
}

/** Reads and validates the manifest file, with the lines of its fields. */
export async function loadLocatedManifest(path: string): Promise<{ manifest: Manifest; locateLine: LineLocator }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new PackagingError(`cannot read manifest ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseLocatedManifest(text, path);
}

/** Reads and validates the manifest file. */
export async function loadManifest(path: string): Promise<Manifest> {
  return (await loadLocatedManifest(path)).manifest;
}

/** The timestamp of a reproducible build: SOURCE_DATE_EPOCH when set, else the newest changelog date. */
export function chooseSourceDateEpoch(manifest: Manifest, env: NodeJS.ProcessEnv): number {
  if (env.SOURCE_DATE_EPOCH !== undefined && /^\d+$/.test(env.SOURCE_DATE_EPOCH)) return Number(env.SOURCE_DATE_EPOCH);
  const newest = manifest.package.changelog[0];
  return newest ? Math.floor(Date.parse(`${newest.date}T00:00:00Z`) / 1000) : 0;
}

/** Lintian overrides per package: the file named after the package, else the one named after its role. */
async function readLintianOverrides(layout: PackageLayout): Promise<Map<string, string>> {
  const overrides = new Map<string, string>();
  const dir = layout.lintianOverridesDir;
  if (dir === undefined) return overrides;
  for (const pkg of layout.packages) {
    for (const name of [pkg.name, pkg.role]) {
      const text = await readFile(join(dir, name), 'utf8').catch(() => undefined);
      if (text !== undefined) {
        overrides.set(pkg.name, text);
        break;
      }
    }
  }
  return overrides;
}

/** The manifest (given, or read) and its layout, every source file it names checked. */
export async function loadPackageLayout(options: Pick<BuildPackagesOptions, 'manifestPath' | 'manifest' | 'codeFrom'>) {
  const located = options.manifest ? { manifest: options.manifest, locateLine: () => undefined } : await loadLocatedManifest(options.manifestPath);
  const { manifest } = located;
  const layout = resolvePackageLayout(manifest, options.manifestPath, options.codeFrom);
  await checkLayoutSources(manifest, options.manifestPath, located.locateLine);
  return { manifest, layout };
}

/** Builds all packages; resolves with the paths of the files written to outDir. */
export async function buildPackages(options: BuildPackagesOptions): Promise<string[]> {
  const progress = options.onProgress ?? (() => undefined);
  const { manifest, layout } = await loadPackageLayout(options);
  const epoch = options.sourceDateEpoch ?? chooseSourceDateEpoch(manifest, process.env);
  const generated = collectGeneratedInputs(manifest, layout, { systemdVersion: options.systemdVersion ?? 252 });
  const lintianOverrides = await readLintianOverrides(layout);
  await mkdir(options.outDir, { recursive: true });
  const written: string[] = [];
  for (const format of options.formats) {
    const packager = findPackager(format);
    progress(`planning the ${format} packages of ${manifest.package.name} (code from ${layout.codeFrom})`);
    const specs = await planPackages(packager.name, { manifest, layout, generated, lintianOverrides }).catch((error: unknown) => {
      throw wrapError(`cannot plan the ${format} packages of ${manifest.package.name}`, error);
    });
    for (const spec of specs) {
      progress(`building ${packager.fileName(spec)}`);
      written.push(await packager.build(spec, { outDir: options.outDir, sourceDateEpoch: epoch }));
    }
  }
  return written;
}
