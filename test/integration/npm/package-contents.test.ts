// What each npm tarball holds, by npm's own listing (`npm pack --dry-run` of the tarball): what a user needs, nothing else.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import t from 'tap';
import { packStaged } from '../../../packaging/npm/pack.js';
import { cliPackage, runtimePackage } from '../../../packaging/npm/package-definitions.js';
import { buildNpmTarballs, projectRoot } from '../../helpers/npm/npm-tarballs.js';

t.setTimeout(300_000);

async function listSources(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(projectRoot, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(relative(join(projectRoot, dir), join(entry.parentPath, entry.name)));
  }
  return found.sort();
}

/** The .js and .d.ts a TypeScript source compiles to, under `to`. */
function compiledFrom(sources: readonly string[], to: string): string[] {
  return sources.filter((s) => s.endsWith('.ts')).flatMap((s) => [`${to}/${s.replace(/\.ts$/, '.js')}`, `${to}/${s.replace(/\.ts$/, '.d.ts')}`]);
}

const rootFiles = ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json'];

async function dryRunListing(tarball: string): Promise<string[]> {
  const out = await mkdtemp(join(tmpdir(), 'reloadkit-npm-listing-'));
  try {
    return (await packStaged(tarball, out, { dryRun: true })).files;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

t.test('@reloadkit/runtime holds the compiled runtime with declarations, licence and changelog, nothing else', async (t) => {
  const { runtime } = await buildNpmTarballs();
  const listing = await dryRunListing(runtime.tarball);
  t.same(listing, runtime.files, 'npm pack --dry-run of the tarball lists what the build packed');
  const expected = [...rootFiles, ...compiledFrom(await listSources('runtime'), 'dist')].sort();
  t.same(listing, expected);
  t.notOk(listing.some((f) => f.endsWith('.map') || (f.endsWith('.ts') && !f.endsWith('.d.ts'))), 'no sources, no source maps');
});

t.test('@reloadkit/runtime has no dependencies; the sd_notify addon is an optional peer; Node >= 18', async (t) => {
  const { runtime } = await buildNpmTarballs();
  const json = runtime.packageJson;
  t.equal(json.name, runtimePackage.name);
  t.equal(json.type, 'module');
  t.same(json.engines, { node: '>=18' });
  for (const field of ['dependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies']) {
    t.equal(json[field], undefined, `no ${field}`);
  }
  t.same(json.peerDependenciesMeta, { 'unix-dgram': { optional: true } });
  t.same(json.exports, {
    '.': { types: './dist/index.d.ts', default: './dist/index.js' },
    './run-service-main': { types: './dist/cli/run-service-main.d.ts', default: './dist/cli/run-service-main.js' },
    './package.json': './package.json',
  });
});

t.test('reloadkit holds the CLI launcher, the compiled generators and packaging, the templates; no tests, goldens or sources', async (t) => {
  const { cli } = await buildNpmTarballs();
  const listing = await dryRunListing(cli.tarball);
  t.same(listing, cli.files, 'npm pack --dry-run of the tarball lists what the build packed');
  const packagingTree = cliPackage.trees.find((tree) => tree.from === 'packaging');
  const excluded = (s: string) =>
    packagingTree?.exclude.some((e) => (e.endsWith('/') ? s.startsWith(e) : s === e.replace(/\.(?:js|d\.ts)$/, '.ts'))) ?? false;
  const packagingSources = (await listSources('packaging')).filter((s) => !excluded(s));
  const expected = [
    ...rootFiles,
    'bin/reloadkit.js',
    ...compiledFrom(await listSources('generators'), 'lib/generators'),
    ...compiledFrom(packagingSources, 'lib/packaging'),
    ...(await listSources('templates')).map((s) => `templates/${s}`),
  ].sort();
  t.same(listing, expected);
  t.notOk(listing.some((f) => /(^|\/)(test|golden|cinder|npm)\//.test(f)), 'no tests, golden files, the example or the npm builder');
  t.notOk(listing.some((f) => f.endsWith('.map') || (f.endsWith('.ts') && !f.endsWith('.d.ts'))), 'no sources, no source maps');
});

t.test("reloadkit's dependencies are what its code imports, at the repository's ranges", async (t) => {
  const { cli } = await buildNpmTarballs();
  const json = cli.packageJson;
  t.same(json.bin, { reloadkit: 'bin/reloadkit.js' });
  t.same(json.engines, { node: '>=18' });
  const repo = (await import(join(projectRoot, 'package.json'), { with: { type: 'json' } })).default as {
    devDependencies: Record<string, string>;
  };
  const deps = json.dependencies as Record<string, string>;
  t.same(Object.keys(deps), ['commander', 'execa', 'handlebars', 'yaml', 'zod']);
  for (const [name, range] of Object.entries(deps)) t.equal(range, repo.devDependencies[name], `${name} at the repository's range`);
});
