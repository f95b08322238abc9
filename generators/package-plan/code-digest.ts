// A digest of a package's code (every file but config files and docs): equal digests = only config changed.
import { createHash } from 'node:crypto';

/** One file of the package as built. */
export interface DigestedFile {
  /** Installed path, e.g. `/usr/lib/cinder/volume.js`. */
  path: string;
  content: string | Uint8Array;
}

/** Paths that never count as code: documentation (changes with every version's changelog). */
export const NON_CODE_PREFIXES: readonly string[] = ['/usr/share/doc/', '/usr/share/man/'];

/** SHA-256 (hex) over the sorted paths and contents of `files`, leaving out docs; pass the non-config files. */
export function computeCodeDigest(files: readonly DigestedFile[]): string {
  const lines = files
    .filter((file) => !NON_CODE_PREFIXES.some((prefix) => file.path.startsWith(prefix)))
    .map((file) => `${createHash('sha256').update(file.content).digest('hex')}  ${file.path}\n`)
    .sort();
  return createHash('sha256').update(lines.join('')).digest('hex');
}
