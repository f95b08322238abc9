// Collects the compiled JavaScript a package ships: `.js` files only (no .d.ts, no source maps, no tests).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { PackagingError } from '../errors.js';

/** One compiled module, with its path relative to the build output directory. */
export interface CodeFile {
  path: string;
  content: Buffer;
}

async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) found.push(...(await walk(path)));
    else if (item.isFile() && item.name.endsWith('.js') && !item.name.endsWith('.test.js')) found.push(path);
  }
  return found;
}

/** Reads every `.js` file under `buildDir/dir`, sorted by path; a missing directory says to build first. */
export async function collectCode(buildDir: string, dir: string): Promise<CodeFile[]> {
  let paths: string[];
  try {
    paths = await walk(join(buildDir, dir));
  } catch (error) {
    throw new PackagingError(
      `cannot read compiled code in ${join(buildDir, dir)}: ${(error as Error).message} (run \`npm run build\` first)`,
      { cause: error },
    );
  }
  if (paths.length === 0) {
    throw new PackagingError(`no compiled .js files in ${join(buildDir, dir)} (run \`npm run build\` first)`);
  }
  const files = await Promise.all(
    paths.sort().map(async (path) => ({ path: relative(buildDir, path), content: await readFile(path) })),
  );
  return files;
}
