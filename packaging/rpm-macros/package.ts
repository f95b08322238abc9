// The reloadkit-rpm-macros package: macros.reloadkit in %{_rpmmacrodir}, for packagers who write their own spec.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackageSpec } from '../package-spec.js';

/** Where RPM distributions read macro files from (`rpm --eval '%{_rpmmacrodir}'`). */
export const RPM_MACRO_DIRECTORY = '/usr/lib/rpm/macros.d';

/** The macros file in the source tree (this module is in packaging/rpm-macros/, or build/packaging/rpm-macros/). */
export function findMacrosFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = here.endsWith(join('build', 'packaging', 'rpm-macros')) ? resolve(here, '..', '..', '..') : resolve(here, '..', '..');
  return join(root, 'packaging', 'rpm-macros', 'macros.reloadkit');
}

/** What the package is built from besides the macros text. */
export interface RpmMacrosPackageOptions {
  version: string;
  release?: string;
  /** ISO date of the changelog entry (and so of a reproducible build). */
  date: string;
}

/** The package spec of reloadkit-rpm-macros, shipping `macros` as macros.reloadkit. */
export async function planRpmMacrosPackage(options: RpmMacrosPackageOptions, macrosFile = findMacrosFile()): Promise<PackageSpec> {
  const maintainer = 'Reloadkit Maintainers <maintainers@example.org>';
  return {
    name: 'reloadkit-rpm-macros',
    source: 'reloadkit',
    version: options.version,
    release: options.release ?? '1',
    maintainer,
    summary: 'RPM macros that reload services on configuration-only upgrades',
    description:
      'The %reloadkit_post, %reloadkit_preun, %reloadkit_postun_with_reload and %reloadkit_posttrans macros ' +
      'for spec files of services built on reloadkit. They work like systemd\'s macros, but an upgrade that ' +
      'changed only configuration files reloads the running services instead of restarting them, and a failed ' +
      'reload is reported, never turned into a restart.',
    homepage: 'https://example.org/reloadkit',
    license: 'Apache-2.0',
    copyright: '2026 The reloadkit authors',
    section: 'devel',
    depends: [],
    entries: [{ kind: 'file', path: `${RPM_MACRO_DIRECTORY}/macros.reloadkit`, mode: 0o644, content: await readFile(macrosFile) }],
    changelog: [{ version: options.version, date: options.date, author: maintainer, changes: ['The reloadkit RPM macros.'] }],
    debScripts: {},
    rpmScripts: {},
  };
}
