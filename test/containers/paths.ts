// Where the container harness keeps its files: fixtures in the repository, caches in a git-ignored folder.

import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The root of the repository (this file lives in test/containers/).
export const projectRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

// Fixtures the scenarios copy into containers.
export const fixturesDir = join(projectRoot, 'test', 'containers', 'fixtures');

// The harness's cache folder (dockerd's log, build logs): RELOADKIT_CACHE_DIR or .cache/containers, git-ignored.
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['RELOADKIT_CACHE_DIR'] || join(projectRoot, '.cache', 'containers');
}

// Finds an executable on PATH the way a shell would; undefined when there is none.
export function findExecutable(name: string, path: string = process.env['PATH'] ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}
