// The recipe of a row's image: the mmdebstrap command that builds its root file system from Debian's
// archive and the changes applied on import. Its hash names the image, so editing this file or a row's
// image fields gives a new image and the old one is never reused by mistake.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MatrixRow } from './matrix.js';

// Label put on every image and container the harness creates, so leftovers can be found and removed.
export const harnessLabel = 'org.reloadkit.test';

// Repository part of the image tags; the tag is `<row id>-<recipe hash>`.
export const imageRepository = 'reloadkit-test';

// The fields of a row that change its image.
export function imageRecipe(row: MatrixRow): Record<string, unknown> {
  return {
    suite: row.suite,
    variant: 'minbase',
    include: row.include,
    customize: row.customize,
    command: row.profile.command,
  };
}

// First 12 hex digits of sha256(recipe fields + the source of this file).
export function recipeHash(row: MatrixRow): string {
  const ownSource = readFileSync(fileURLToPath(import.meta.url), 'utf8');
  return createHash('sha256')
    .update(JSON.stringify(imageRecipe(row)))
    .update(ownSource)
    .digest('hex')
    .slice(0, 12);
}

// The tag the row's image has in the engine's store, e.g. reloadkit-test:bookworm-systemd-0123456789ab.
export function imageTag(row: MatrixRow): string {
  return `${imageRepository}:${row.id}-${recipeHash(row)}`;
}

// mmdebstrap's arguments: a minbase root file system of the row's suite written as a tar to stdout.
export function mmdebstrapArgs(row: MatrixRow, mirror: string): string[] {
  return [
    '--variant=minbase',
    '--format=tar',
    `--include=${row.include.join(',')}`,
    ...row.customize.map((command) => `--customize-hook=${command}`),
    row.suite,
    '-',
    `deb ${mirror} ${row.suite} main`,
  ];
}

// `docker import` / `podman import` arguments that read the tar from stdin and tag the image.
export function importArgs(row: MatrixRow): string[] {
  return [
    'import',
    '--change', `CMD ${JSON.stringify(row.profile.command)}`,
    // systemd and others read this to know they run in a container (podman sets it by itself)
    '--change', 'ENV container=docker',
    '--change', `LABEL ${harnessLabel}.row=${row.id} ${harnessLabel}.recipe=${recipeHash(row)}`,
    '-',
    imageTag(row),
  ];
}
