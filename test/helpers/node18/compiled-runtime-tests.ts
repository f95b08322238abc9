// The runtime's unit tests compiled to JavaScript for another Node (18), with the unix-dgram addon built for it.
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { runTool } from '../../../packaging/run-tool.js';
import { ensureCached } from '../packaging/cache-lock.js';
import { projectRoot } from '../packaging/compiled-build.js';
import { hashSourceTree } from '../source-hash.js';
import { node18Command, node18HeadersDir } from './find-node18.js';

/** The tests that must pass on Node 18, relative to the repository root. */
export const RUNTIME_TESTS_DIR = 'test/unit/runtime';

/** npm's own node-gyp, which builds addons for the node that runs it. */
const NODE_GYP = '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js';

/** Every test source under test/unit/runtime, relative to the repository root, sorted. */
export async function listRuntimeTestSources(): Promise<string[]> {
  const entries = await readdir(join(projectRoot, RUNTIME_TESTS_DIR), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => relative(projectRoot, join(e.parentPath, e.name)))
    .sort();
}

async function compile(out: string): Promise<void> {
  const tsconfig = join(projectRoot, '.cache', 'node18', `tsconfig-${process.pid}.json`);
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: join(projectRoot, 'tsconfig.json'),
      compilerOptions: { rootDir: projectRoot, outDir: out, declaration: false, sourceMap: false },
      include: [join(projectRoot, 'runtime'), join(projectRoot, RUNTIME_TESTS_DIR), join(projectRoot, 'test', 'helpers', 'marked-service'), join(projectRoot, 'test', 'helpers', 'stuck-read-exit.ts')],
      exclude: [join(projectRoot, 'node_modules')],
    }),
  );
  await runTool(join(projectRoot, 'node_modules', '.bin', 'tsc'), ['-p', tsconfig]).finally(() => rm(tsconfig, { force: true }));
}

/** Builds the optional addon for `node` into out/node_modules (the compiled files find it before the repository's). */
async function buildAddon(node: string, out: string): Promise<void> {
  const headers = node18HeadersDir(node);
  if (headers === undefined) throw new Error(`the headers of ${node} are missing (libnode-dev): run \`bash scripts/install-node18.sh\` as root`);
  const addon = join(out, 'node_modules', 'unix-dgram');
  const source = join(projectRoot, 'node_modules', 'unix-dgram');
  const built = join(source, 'build'); // compiled for the repository's Node: left behind
  await cp(source, addon, { recursive: true, filter: (src) => src !== built && !src.startsWith(`${built}/`) });
  await runTool(...node18Command(node, [NODE_GYP, 'rebuild', `--nodedir=${headers}`]), { cwd: addon });
  await runTool(...node18Command(node, ['-e', `require(${JSON.stringify(addon)})`])).catch((error: Error) => {
    throw new Error(`the unix-dgram addon built for ${node} does not load there: ${error.message}`, { cause: error });
  });
}

/** Returns the folder of the compiled runtime and its tests for `node` (cached per source state and Node version). */
export async function compileRuntimeTests(node: string, version: string): Promise<string> {
  const cacheDir = join(projectRoot, '.cache', 'node18');
  await mkdir(cacheDir, { recursive: true });
  const inputs = ['tsconfig.json', 'runtime', 'test/unit/runtime', 'test/helpers', 'node_modules/unix-dgram/package.json'];
  const hash = await hashSourceTree(projectRoot, inputs, version);
  return ensureCached(join(cacheDir, `build-${hash}`), async (tmp) => {
    await compile(tmp);
    await buildAddon(node, tmp);
  });
}
