// /usr/share/doc/<pkg>/copyright in the machine-readable format (DEP-5, Debian policy §12.5).
import type { PackageSpec } from '../package-spec.js';
import { PackagingError } from '../errors.js';

/** SPDX identifiers whose full text Debian ships in /usr/share/common-licenses, with that file's name. */
const commonLicenses: Record<string, { debianName: string; title: string }> = {
  'Apache-2.0': { debianName: 'Apache-2.0', title: 'the Apache License, Version 2.0' },
  'GPL-2.0-only': { debianName: 'GPL-2', title: 'the GNU General Public License version 2' },
  'GPL-3.0-only': { debianName: 'GPL-3', title: 'the GNU General Public License version 3' },
  'MPL-2.0': { debianName: 'MPL-2.0', title: 'the Mozilla Public License, Version 2.0' },
};

/** Renders the copyright file; only licences found in /usr/share/common-licenses are accepted. */
export function renderDebCopyright(spec: PackageSpec): string {
  const license = commonLicenses[spec.license];
  if (!license) {
    throw new PackagingError(
      `license: expected one of ${Object.keys(commonLicenses).join(', ')} (licences in /usr/share/common-licenses), got "${spec.license}"`,
    );
  }
  const source = spec.homepage ? `Source: ${spec.homepage}\n` : '';
  return (
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n' +
    `Upstream-Name: ${spec.source}\n${source}\n` +
    `Files: *\nCopyright: ${spec.copyright}\nLicense: ${license.debianName}\n\n` +
    `License: ${license.debianName}\n` +
    ` On Debian systems, the full text of ${license.title} can be found in\n` +
    ` the file '/usr/share/common-licenses/${license.debianName}'.\n`
  );
}
