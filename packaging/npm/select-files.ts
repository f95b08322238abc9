// Which files of a tree go into a package: compiled .js and .d.ts from the build, every file of an asset folder.
import { readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { PackageTree } from './package-definitions.js';

/** One file to copy: its path on disk and in the package. */
export interface SelectedFile {
  source: string;
  /** Path in the package, `/`-separated. */
  target: string;
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${dir}: ${error.message}${error.code === 'ENOENT' ? ' (run `npm run build` first)' : ''}`, { cause: error });
  });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listFiles(join(dir, entry.name), path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

function isExcluded(path: string, exclude: readonly string[]): boolean {
  return exclude.some((e) => (e.endsWith('/') ? path.startsWith(e) : path === e));
}

/** Whether a build file is part of what a user runs or compiles against (no source maps, no tests' output). */
function isShippedBuildFile(path: string): boolean {
  return (path.endsWith('.js') || path.endsWith('.d.ts')) && !/\.test\.(?:js|d\.ts)$/.test(path);
}

/** The files of one tree; `roots` says where `build` and `repo` are. */
export async function selectTreeFiles(tree: PackageTree, roots: { build: string; repo: string }): Promise<SelectedFile[]> {
  const dir = join(roots[tree.root], tree.from);
  const files = (await listFiles(dir)).filter((p) => !isExcluded(p, tree.exclude));
  return files
    .filter((p) => tree.root === 'repo' || isShippedBuildFile(p))
    .map((p) => ({ source: join(dir, p), target: posix.join(tree.to, p) }));
}
