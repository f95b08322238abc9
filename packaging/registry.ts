// Every package format by name: adding a format is one packager module plus one line here.
import type { Packager } from './packager.js';
import { debPackager } from './deb/packager.js';
import { rpmPackager } from './rpm/packager.js';
import { PackagingError } from './errors.js';

/** The registered packagers, in build order. */
export const packagers: readonly Packager[] = [debPackager, rpmPackager];

/** The packager called `name`; the error lists the known ones. */
export function findPackager(name: string): Packager {
  const found = packagers.find((p) => p.name === name);
  if (!found) {
    throw new PackagingError(`format: expected one of ${packagers.map((p) => `"${p.name}"`).join(', ')}, got "${name}"`);
  }
  return found;
}
