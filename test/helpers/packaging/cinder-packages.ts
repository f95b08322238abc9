// Builds the cinder example's packages for a test, from the compiled code and the repository's manifest.
import { buildPackages, loadManifest } from '../../../packaging/build-packages.js';
import { cinderLayout } from '../../../packaging/cinder/layout.js';
import type { PackageLayout } from '../../../packaging/layout/package-layout.js';
import type { Manifest } from '../../../generators/manifest/index.js';
import { join } from 'node:path';
import { compileShippedCode, projectRoot } from './compiled-build.js';

export { compileShippedCode };

/** The manifest every packaging test starts from. */
export const cinderManifestPath = 'examples/cinder/reloadkit.yaml';

/** What a test may change about the build. */
export interface CinderBuildOptions {
  formats: string[];
  manifest?: Manifest;
  layout?: PackageLayout;
  sourceDateEpoch?: number;
  /** Compiled code to ship instead of the repository's (a test changing code copies and edits it). */
  buildDir?: string;
}

/** Reads the repository's cinder manifest. */
export async function loadCinderPackagingManifest(): Promise<Manifest> {
  return loadManifest(join(projectRoot, cinderManifestPath));
}

/** Builds the packages into `outDir`; resolves with their paths (common package first, deb before rpm). */
export async function buildCinderPackages(outDir: string, options: CinderBuildOptions): Promise<string[]> {
  return buildPackages({
    projectRoot,
    manifestPath: cinderManifestPath,
    manifest: options.manifest,
    layout: options.layout ?? cinderLayout,
    lintianOverridesDir: 'packaging/cinder/lintian-overrides',
    buildDir: options.buildDir ?? (await compileShippedCode()),
    outDir,
    formats: options.formats,
    sourceDateEpoch: options.sourceDateEpoch,
  });
}
