// Writes package entries into a staging directory with exact modes and timestamps, for any packager.
import { chmod, mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PackageEntry } from './package-spec.js';
import { PackagingError } from './errors.js';

/** The entry's path relative to the root, after checking it is absolute and has no `..`. */
export function relativeEntryPath(packageName: string, entry: PackageEntry): string {
  if (!entry.path.startsWith('/') || entry.path.split('/').includes('..') || entry.path.endsWith('/')) {
    throw new PackagingError(`${packageName}: entry path: expected an absolute path without "..", got "${entry.path}"`);
  }
  return entry.path.slice(1);
}

/** Writes every entry under `root`; parents that are not entries themselves get mode 0755. */
export async function writeEntries(packageName: string, root: string, entries: PackageEntry[]): Promise<void> {
  await mkdir(root, { recursive: true });
  for (const entry of entries) {
    const target = join(root, relativeEntryPath(packageName, entry));
    if (entry.kind === 'directory') {
      await mkdir(target, { recursive: true });
    } else {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, entry.content);
    }
    await chmod(target, entry.mode);
  }
}

/** Sets the modification time of everything below `dir` to `epoch` (seconds). */
export async function setTreeTimes(dir: string, epoch: number): Promise<void> {
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) await setTreeTimes(path, epoch);
    await utimes(path, epoch, epoch);
  }
}
