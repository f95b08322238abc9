// What the packages take from the repository's package.json: version, licence, Node engine, dependency ranges.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readPackageVersion } from './runtime-version.js';

/** The fields of the repository's package.json the npm packages are made from. */
export interface RepoPackage {
  version: string;
  license: string;
  /** `engines.node`, e.g. `>=18`. */
  nodeEngine: string;
  /** Every range the repository declares (dependencies, devDependencies, optionalDependencies), by name. */
  ranges: ReadonlyMap<string, string>;
}

/** Reads package.json at the repository root; fails naming the field that is missing. */
export async function readRepoPackage(projectRoot: string): Promise<RepoPackage> {
  const path = join(projectRoot, 'package.json');
  const json = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  const license = json.license;
  if (typeof license !== 'string' || license === '') throw new Error(`${path}: license: expected an SPDX identifier, got ${JSON.stringify(license)}`);
  const engines = json.engines as { node?: unknown } | undefined;
  if (typeof engines?.node !== 'string') throw new Error(`${path}: engines.node: expected a range such as ">=18", got ${JSON.stringify(engines?.node)}`);
  const ranges = new Map<string, string>();
  for (const field of ['optionalDependencies', 'devDependencies', 'dependencies']) {
    for (const [name, range] of Object.entries((json[field] ?? {}) as Record<string, string>)) ranges.set(name, range);
  }
  return { version: await readPackageVersion(projectRoot), license, nodeEngine: engines.node, ranges };
}
