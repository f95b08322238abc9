// Packaging's public API (the `reloadkit/packaging` export): build .deb and .rpm packages from a manifest's package layout.

/** Building every package of a project, and the helpers it uses. */
export { buildPackages, loadManifest, chooseSourceDateEpoch, type BuildPackagesOptions } from './build-packages.js';
/** The package formats, one packager each. */
export { packagers, findPackager } from './registry.js';
/** What a packager is. */
export type { Packager, BuildOptions } from './packager.js';
/** How a project's files are split into packages (read from the manifest's `packages`). */
export { resolvePackageLayout, type PackageLayout, type BinaryPackageLayout, type CopiedFile } from './layout/package-layout.js';
/** The error every packaging step throws. */
export { PackagingError } from './errors.js';
