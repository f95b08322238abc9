// The package.json of one npm package, from its definition, the repository's package.json and what its code imports.
import type { NpmPackageDefinition } from './package-definitions.js';
import type { RepoPackage } from './repo-package.js';

/** Path of the launcher written for a bin command. */
export function binPath(name: string): string {
  return `bin/${name}.js`;
}

function rangeOf(repo: RepoPackage, name: string, packageName: string): string {
  const range = repo.ranges.get(name);
  if (range === undefined) throw new Error(`cannot write ${packageName}'s package.json: ${name} has no version range in the repository's package.json`);
  return range;
}

function sorted(names: Iterable<string>): string[] {
  return [...names].sort();
}

/** The package.json object (`dependencies` as given: the packages its compiled code imports). */
export function composePackageJson(definition: NpmPackageDefinition, repo: RepoPackage, dependencies: Iterable<string>): Record<string, unknown> {
  const json: Record<string, unknown> = {
    name: definition.name,
    version: repo.version,
    description: definition.description,
    keywords: [...definition.keywords],
    license: repo.license,
    type: 'module',
    engines: { node: repo.nodeEngine },
    exports: Object.fromEntries([
      ...definition.exports.map((e) => [e.subpath, { types: `./${e.module}.d.ts`, default: `./${e.module}.js` }]),
      ['./package.json', './package.json'],
    ]),
  };
  if (definition.bins.length > 0) json.bin = Object.fromEntries(definition.bins.map((b) => [b.name, binPath(b.name)]));
  const deps = sorted(dependencies);
  if (deps.length > 0) json.dependencies = Object.fromEntries(deps.map((d) => [d, rangeOf(repo, d, definition.name)]));
  if (definition.optionalPeers.length > 0) {
    json.peerDependencies = Object.fromEntries(sorted(definition.optionalPeers).map((p) => [p, rangeOf(repo, p, definition.name)]));
    json.peerDependenciesMeta = Object.fromEntries(sorted(definition.optionalPeers).map((p) => [p, { optional: true }]));
  }
  return json;
}
