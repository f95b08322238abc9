// Compiles the code the packages ship (runtime/, examples/) once per source state, cached by content hash.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTool } from '../../../packaging/run-tool.js';
import { ensureCached } from './cache-lock.js';

/** The repository root. */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The git-ignored cache of the packaging tests. */
export const packagingCacheDir = join(projectRoot, '.cache', 'packaging');

const shippedDirs = ['runtime', 'examples'];

async function listFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const item of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, item.name);
    if (item.isDirectory()) found.push(...(await listFiles(path)));
    else if (item.isFile()) found.push(path);
  }
  return found.sort();
}

async function hashSources(): Promise<string> {
  const hash = createHash('sha256');
  const files = [join(projectRoot, 'tsconfig.json'), ...(await Promise.all(shippedDirs.map((d) => listFiles(join(projectRoot, d))))).flat()];
  for (const file of files) hash.update(relative(projectRoot, file)).update('\0').update(await readFile(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
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
