// Where things are, relative to the repository root (the benchmarks run compiled, from build/bench/).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Finds the repository root: the nearest parent folder of this file that holds package.json and bench/. */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (dir !== dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bench'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`cannot find the repository root above ${fileURLToPath(import.meta.url)} (a folder with package.json and bench/)`);
}

/** The repository root. */
export const REPO_ROOT = findRepoRoot();

/** A path inside the compiled tree build/. */
export function builtPath(...parts: string[]): string {
  return resolve(REPO_ROOT, 'build', ...parts);
}

/** The compiled bench service (a minimal HTTP service on the runtime). */
export const BENCH_SERVICE_MAIN = builtPath('bench', 'service', 'main.js');
