// A package's package.json: exports with types first, bin launchers, dependencies at the repository's ranges.
import t from 'tap';
import { cliPackage, runtimePackage } from '../../../../packaging/npm/package-definitions.js';
import { composePackageJson } from '../../../../packaging/npm/package-json.js';
import type { RepoPackage } from '../../../../packaging/npm/repo-package.js';

const repo: RepoPackage = {
  version: '1.2.3',
  license: 'Apache-2.0',
  nodeEngine: '>=18',
  ranges: new Map([['zod', '^4.0.0'], ['unix-dgram', '^2.0.7'], ['yaml', '^2.0.0']]),
};

t.test('the runtime: no dependencies, the addon as an optional peer', async (t) => {
  const json = composePackageJson(runtimePackage, repo, []);
  t.match(json, { name: '@reloadkit/runtime', version: '1.2.3', license: 'Apache-2.0', type: 'module', engines: { node: '>=18' } });
  t.equal(json.dependencies, undefined);
  t.same(json.peerDependencies, { 'unix-dgram': '^2.0.7' });
  t.same(json.peerDependenciesMeta, { 'unix-dgram': { optional: true } });
  t.same(Object.keys((json.exports as Record<string, object>)['.'] ?? {}), ['types', 'default'], 'types first');
});

t.test('the CLI: bin launcher, dependencies sorted at the repository ranges', async (t) => {
  const json = composePackageJson(cliPackage, repo, ['zod', 'yaml']);
  t.same(json.bin, { reloadkit: 'bin/reloadkit.js' });
  t.same(json.dependencies, { yaml: '^2.0.0', zod: '^4.0.0' });
});

t.test('a dependency without a range in the repository is an error naming it', async (t) => {
  t.throws(() => composePackageJson(cliPackage, repo, ['commander']), {
    message: "cannot write reloadkit's package.json: commander has no version range in the repository's package.json",
  });
});
