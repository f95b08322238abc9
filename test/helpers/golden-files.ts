// Compares generated files with the golden copies under test/golden/; UPDATE_GOLDEN=1 rewrites them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/golden/ of the repository. */
export const GOLDEN_ROOT = fileURLToPath(new URL('../golden/', import.meta.url));

/** The golden text at `relativePath` (rewritten first when UPDATE_GOLDEN=1); undefined when it does not exist. */
export function readGolden(relativePath: string, actual: string): string | undefined {
  const file = join(GOLDEN_ROOT, relativePath);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
