// Compiles the code the packages ship (runtime/, examples/) once per source state, cached by content hash.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTool } from '../../../packaging/run-tool.js';
import { ensureCached } from './cache-lock.js';
import { hashSourceTree } from '../source-hash.js';

/** The repository root. */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The git-ignored cache of the packaging tests. */
export const packagingCacheDir = join(projectRoot, '.cache', 'packaging');

const shippedDirs = ['runtime', 'examples'];

function hashSources(): Promise<string> {
  return hashSourceTree(projectRoot, ['tsconfig.json', ...shippedDirs]);
}

/** Returns a directory holding `tsc` output for runtime/ and examples/ (as `build/` does), compiling if needed. */
export async function compileShippedCode(): Promise<string> {
  const out = join(packagingCacheDir, `build-${await hashSources()}`);
  await mkdir(packagingCacheDir, { recursive: true });
  return ensureCached(out, async (tmp) => {
    const tsconfig = join(packagingCacheDir, `tsconfig-${process.pid}.json`);
    await writeFile(
      tsconfig,
      JSON.stringify({
        extends: join(projectRoot, 'tsconfig.json'),
        compilerOptions: { rootDir: projectRoot, outDir: tmp, declaration: false, sourceMap: false },
        include: shippedDirs.map((d) => join(projectRoot, d)),
        exclude: [join(projectRoot, 'node_modules')],
      }),
    );
    await runTool(join(projectRoot, 'node_modules', '.bin', 'tsc'), ['-p', tsconfig]).finally(() => rm(tsconfig, { force: true }));
  });
}
