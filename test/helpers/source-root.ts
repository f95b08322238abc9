// The repository's TypeScript sources, found from a test file whether it runs from source or compiled (build/, a cache).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above `importMetaUrl`'s file that holds package.json and runtime/index.ts (the repository root). */
export function findSourceRoot(importMetaUrl: string): string {
  const start = dirname(fileURLToPath(importMetaUrl));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'runtime', 'index.ts'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no folder above ${start} holds package.json and runtime/index.ts`);
  }
}

/** Whether the calling module runs compiled (`.js`) rather than from its TypeScript source through tsx. */
export function runsCompiled(importMetaUrl: string): boolean {
  return importMetaUrl.endsWith('.js');
}
