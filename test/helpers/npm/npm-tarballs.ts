// Builds the two npm tarballs once per source state (cached by content hash), as `make npm` does.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildNpmPackages, type BuiltNpmPackage } from '../../../packaging/npm/build-npm-packages.js';
import { cliPackage, runtimePackage } from '../../../packaging/npm/package-definitions.js';
import { runTool } from '../../../packaging/run-tool.js';
import { ensureCached } from '../packaging/cache-lock.js';
import { projectRoot } from '../packaging/compiled-build.js';
import { hashSourceTree } from '../source-hash.js';

export { projectRoot };

/** The compiled folders the packages take from. */
const compiledDirs = ['runtime', 'generators', 'packaging'];
const inputs = ['tsconfig.json', 'package.json', 'LICENSE', 'CHANGELOG.md', 'templates', ...compiledDirs];

/** The built packages, the runtime and the CLI. */
export interface NpmTarballs {
  runtime: BuiltNpmPackage;
  cli: BuiltNpmPackage;
  /** `tsc` output they were built from (with declarations). */
  buildDir: string;
}

async function compile(out: string, cacheDir: string): Promise<void> {
  const tsconfig = join(cacheDir, `tsconfig-${process.pid}.json`);
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: join(projectRoot, 'tsconfig.json'),
      compilerOptions: { rootDir: projectRoot, outDir: out, declaration: true, sourceMap: false },
      include: compiledDirs.map((d) => join(projectRoot, d)),
      exclude: [join(projectRoot, 'node_modules')],
    }),
  );
  await runTool(join(projectRoot, 'node_modules', '.bin', 'tsc'), ['-p', tsconfig]).finally(() => rm(tsconfig, { force: true }));
}

/** Returns the tarballs for the current sources, building them (tsc, then the npm builder) when needed. */
export async function buildNpmTarballs(): Promise<NpmTarballs> {
  const cacheDir = join(projectRoot, '.cache', 'npm');
  await mkdir(cacheDir, { recursive: true });
  const dir = await ensureCached(join(cacheDir, `packages-${await hashSourceTree(projectRoot, inputs)}`), async (tmp) => {
    await compile(join(tmp, 'build'), cacheDir);
    const built = await buildNpmPackages({ projectRoot, buildDir: join(tmp, 'build'), outDir: join(tmp, 'dist') });
    const final = tmp.replace(/\.tmp-\d+$/, '');
    const moved = built.map((b) => ({ ...b, tarball: b.tarball.replace(tmp, final) }));
    await writeFile(join(tmp, 'built.json'), JSON.stringify(moved, null, 2));
  });
  const built = JSON.parse(await readFile(join(dir, 'built.json'), 'utf8')) as BuiltNpmPackage[];
  const find = (name: string): BuiltNpmPackage => {
    const found = built.find((b) => b.name === name);
    if (found === undefined) throw new Error(`${dir}/built.json has no ${name}`);
    return found;
  };
  return { runtime: find(runtimePackage.name), cli: find(cliPackage.name), buildDir: join(dir, 'build') };
}
