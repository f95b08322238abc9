// Builds the cinder example's packages for a test, from the compiled code and the repository's manifest.
import { buildPackages, loadManifest } from '../../../packaging/build-packages.js';
import type { Manifest } from '../../../generators/manifest/index.js';
import { join } from 'node:path';
import { compileShippedCode, projectRoot } from './compiled-build.js';

export { compileShippedCode };

/** The manifest every packaging test starts from, relative to the repository root. */
export const cinderManifestPath = 'examples/cinder/reloadkit.yaml';

/** The cinder example's package names, common package first, then the services' in manifest order. */
export const cinderPackageNames = {
  common: 'reloadkit-example-cinder-common',
  'cinder-volume': 'reloadkit-example-cinder-volume',
  'cinder-scheduler': 'reloadkit-example-cinder-scheduler',
  'cinder-api': 'reloadkit-example-cinder-api',
} as const;

/** What a test may change about the build. */
export interface CinderBuildOptions {
  formats: string[];
  manifest?: Manifest;
  sourceDateEpoch?: number;
  /** Compiled code to ship instead of the repository's (a test changing code copies and edits it). */
  buildDir?: string;
}

/** Reads the repository's cinder manifest. */
export async function loadCinderPackagingManifest(): Promise<Manifest> {
  return loadManifest(join(projectRoot, cinderManifestPath));
}

/** The manifest with the packaged file installed at `destination` read from `source` (absolute) instead. */
export function withPackagedFile(manifest: Manifest, destination: string, source: string): Manifest {
  const packages = (manifest.packages ?? []).map((pkg) => ({
    ...pkg,
    files: pkg.files.map((file) => (file.destination === destination ? { ...file, source } : file)),
  }));
  return { ...manifest, packages };
}

/** Builds the packages into `outDir`; resolves with their paths (common package first, deb before rpm). */
export async function buildCinderPackages(outDir: string, options: CinderBuildOptions): Promise<string[]> {
  return buildPackages({
    manifestPath: join(projectRoot, cinderManifestPath),
    manifest: options.manifest,
    codeFrom: options.buildDir ?? (await compileShippedCode()),
    outDir,
    formats: options.formats,
    sourceDateEpoch: options.sourceDateEpoch,
  });
}
