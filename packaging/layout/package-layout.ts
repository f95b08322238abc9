// The package layout the manifest declares (`packages`, `package.code_*`), with its paths resolved on disk.
import { dirname, resolve } from 'node:path';
import { defaultCodeRoot, type BinaryPackageManifest, type Manifest } from '../../generators/manifest/index.js';
import { PackagingError } from '../errors.js';
import type { PackageRole } from '../format-planning.js';

/** A file copied from the source tree into a package. */
export interface CopiedFile {
  /** Absolute path in the source tree. */
  from: string;
  /** Absolute installed path. */
  to: string;
  /** Default 0644. A config file whose owner, group or mode the manifest sets takes them from the manifest. */
  mode?: number;
}

/** One binary package as the manifest declares it, sources resolved. */
export interface BinaryPackageLayout {
  name: string;
  /** The first package is the common one: accounts, directories, config file ownership. */
  role: PackageRole;
  declared: BinaryPackageManifest;
  files: CopiedFile[];
  /** Documentation files: source path → /usr/share/doc/<package>/<name>. */
  docs: CopiedFile[];
}

/** The whole layout of a manifest's packages. */
export interface PackageLayout {
  /** Source name: changelog and copyright name it (package.name). */
  source: string;
  /** Where code is installed, e.g. `/usr/share/cinder`. */
  codeRoot: string;
  /** Absolute directory the packages' `code` entries and services' `main` are read from. */
  codeFrom: string;
  /** Absolute directory of lintian overrides, when the manifest names one. */
  lintianOverridesDir?: string;
  /** Absolute path of the rpmlint configuration, when the manifest names one. */
  rpmlintConfig?: string;
  packages: BinaryPackageLayout[];
}

/** The package holding the accounts, directories and config files every other package depends on. */
export function commonPackage(layout: PackageLayout): BinaryPackageLayout {
  const first = layout.packages[0];
  if (!first) throw new PackagingError('packages: expected at least one package');
  return first;
}

/** The package that ships `service`, or undefined. */
export function packageOfService(layout: PackageLayout, service: string): BinaryPackageLayout | undefined {
  return layout.packages.find((pkg) => pkg.declared.services.some((s) => s.name === service));
}

/**
 * Resolves the layout of `manifest`, read from `manifestFile`: source paths are relative to its directory.
 * A manifest without `packages` cannot be packaged: the error says what to add.
 */
export function resolvePackageLayout(manifest: Manifest, manifestFile: string, codeFrom?: string): PackageLayout {
  if (manifest.packages === undefined) {
    throw new PackagingError(
      `${manifestFile}: packages: expected a list of the binary packages to build (name, code, files, services; see docs/manifest.md), got nothing`,
    );
  }
  const base = dirname(resolve(manifestFile));
  const at = (path: string) => resolve(base, path);
  return {
    source: manifest.package.name,
    codeRoot: manifest.package.code_root ?? defaultCodeRoot(manifest.package.name),
    codeFrom: codeFrom === undefined ? at(manifest.package.code_from) : resolve(codeFrom),
    lintianOverridesDir: manifest.package.lintian_overrides === undefined ? undefined : at(manifest.package.lintian_overrides),
    rpmlintConfig: manifest.package.rpmlint_config === undefined ? undefined : at(manifest.package.rpmlint_config),
    packages: manifest.packages.map((declared, index) => ({
      name: declared.name,
      role: index === 0 ? 'common' : 'service',
      declared,
      files: declared.files.map((file) => ({
        from: at(file.source),
        to: file.destination,
        mode: file.mode === undefined ? undefined : parseInt(file.mode, 8),
      })),
      docs: declared.docs.map((doc) => ({ from: at(doc), to: `/usr/share/doc/${declared.name}/${doc.slice(doc.lastIndexOf('/') + 1)}` })),
    })),
  };
}
