// Builds every package of a project in every requested format: manifest → plan → packager, with progress.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseManifest, type Manifest } from '../generators/manifest/index.js';
import { wrapError } from './errors.js';
import { collectGeneratedInputs } from './layout/generator-output.js';
import type { PackageLayout } from './layout/package-layout.js';
import { planPackages } from './layout/plan-packages.js';
import { findPackager } from './registry.js';

/** What to build and where. */
export interface BuildPackagesOptions {
  projectRoot: string;
  /** Path of reloadkit.yaml, relative to projectRoot or absolute. */
  manifestPath: string;
  /** Replaces the manifest read from manifestPath (tests build a higher version this way). */
  manifest?: Manifest;
  layout: PackageLayout;
  /** Directory holding per-package lintian overrides (`<package>`, else `common` / `service`). */
  lintianOverridesDir: string;
  /** Output of `tsc`. */
  buildDir: string;
  outDir: string;
  formats: string[];
  /** Default: $SOURCE_DATE_EPOCH, else the date of the newest changelog entry. */
  sourceDateEpoch?: number;
  /** systemd version the units are generated for (default 252, Debian 12). */
  systemdVersion?: number;
  onProgress?: (message: string) => void;
}

/** Reads and validates the manifest file. */
export async function loadManifest(path: string): Promise<Manifest> {
  return parseManifest(await readFile(path, 'utf8'), path);
}

/** The timestamp of a reproducible build: SOURCE_DATE_EPOCH when set, else the newest changelog date. */
export function chooseSourceDateEpoch(manifest: Manifest, env: NodeJS.ProcessEnv): number {
  if (env.SOURCE_DATE_EPOCH !== undefined && /^\d+$/.test(env.SOURCE_DATE_EPOCH)) return Number(env.SOURCE_DATE_EPOCH);
  const newest = manifest.package.changelog[0];
  return newest ? Math.floor(Date.parse(`${newest.date}T00:00:00Z`) / 1000) : 0;
}

async function readOverrides(dir: string, names: string[], role: string): Promise<string | undefined> {
  for (const name of [...names, role]) {
    const text = await readFile(join(dir, name), 'utf8').catch(() => undefined);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** Builds all packages; resolves with the paths of the files written to outDir. */
export async function buildPackages(options: BuildPackagesOptions): Promise<string[]> {
  const progress = options.onProgress ?? (() => undefined);
  const manifest = options.manifest ?? (await loadManifest(join(options.projectRoot, options.manifestPath)));
  const epoch = options.sourceDateEpoch ?? chooseSourceDateEpoch(manifest, process.env);
  const generated = collectGeneratedInputs(manifest, options.layout, { systemdVersion: options.systemdVersion ?? 252 });
  const names = [options.layout.common.name, ...manifest.services.map((s) => s.name)];
  const overrides = new Map<string, string>();
  for (const name of names) {
    const role = name === options.layout.common.name ? 'common' : 'service';
    const text = await readOverrides(join(options.projectRoot, options.lintianOverridesDir), [name], role);
    if (text !== undefined) overrides.set(name, text);
  }
  await mkdir(options.outDir, { recursive: true });
  const written: string[] = [];
  for (const format of options.formats) {
    const packager = findPackager(format);
    const specs = await planPackages(packager.name, {
      manifest,
      layout: options.layout,
      generated,
      projectRoot: options.projectRoot,
      buildDir: options.buildDir,
      lintianOverrides: overrides,
    }).catch((error: unknown) => {
      throw wrapError(`cannot plan the ${format} packages of ${manifest.package.name}`, error);
    });
    for (const spec of specs) {
      progress(`building ${packager.fileName(spec)}`);
      written.push(await packager.build(spec, { outDir: options.outDir, sourceDateEpoch: epoch }));
    }
  }
  return written;
}
