// A short content hash of source files and folders, for caches that must be rebuilt when any input changes.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every regular file below `dir`, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) found.push(...(await listFiles(path)));
    else if (item.isFile()) found.push(path);
  }
  return found.sort();
}

/**
 * Hashes `seed`, then the relative path and content of each input (a file, or every file below a folder),
 * in the order given; paths are relative to `root`. A missing input is an error. Returns the first 16 hex digits.
 */
export async function hashSourceTree(root: string, inputs: readonly string[], seed = ''): Promise<string> {
  const hash = createHash('sha256').update(seed);
  for (const input of inputs) {
    const path = join(root, input);
    const isDir = await stat(path).then(
      (s) => s.isDirectory(),
      (cause: Error) => Promise.reject(new Error(`cannot hash ${input}: ${cause.message}`, { cause })),
    );
    for (const file of isDir ? await listFiles(path) : [path]) {
      hash.update(relative(root, file)).update('\0').update(await readFile(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}
