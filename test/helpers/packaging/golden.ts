// Golden listings of the packaging tests under test/golden/packaging/; UPDATE_GOLDEN=1 rewrites them
// (the same switch as the generators' golden files).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from './compiled-build.js';

/** test/golden/packaging/ of the repository. */
export const packagingGoldenDir = join(projectRoot, 'test', 'golden', 'packaging');

/** The golden text of `name` (rewritten first when UPDATE_GOLDEN=1); undefined when there is none. */
export function readPackagingGolden(name: string, actual: string): string | undefined {
  const file = join(packagingGoldenDir, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
