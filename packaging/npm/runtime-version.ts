// runtime/version.ts, generated from package.json's version: the one place the version is written by hand.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the generated file lives, relative to the repository root. */
export const RUNTIME_VERSION_FILE = 'runtime/version.ts';

/** The text of runtime/version.ts for `version`. */
export function renderRuntimeVersion(version: string): string {
  return [
    '// Generated from package.json by packaging/npm/runtime-version.ts (`npm run build` rewrites it): do not edit.',
    '',
    "/** The runtime's version, as published (package.json). */",
    `export const RUNTIME_VERSION = ${JSON.stringify(version)};`,
    '',
  ].join('\n');
}

/** Reads package.json's version; fails naming the file when it has none. */
export async function readPackageVersion(projectRoot: string): Promise<string> {
  const path = join(projectRoot, 'package.json');
  const { version } = JSON.parse(await readFile(path, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(version)) {
    throw new Error(`${path}: version: expected a semver version such as "1.2.3", got ${JSON.stringify(version)}`);
  }
  return version;
}

/** Rewrites runtime/version.ts when it differs from package.json's version; resolves with whether it did. */
export async function writeRuntimeVersion(projectRoot: string): Promise<boolean> {
  const path = join(projectRoot, RUNTIME_VERSION_FILE);
  const wanted = renderRuntimeVersion(await readPackageVersion(projectRoot));
  if ((await readFile(path, 'utf8').catch(() => undefined)) === wanted) return false;
  await writeFile(path, wanted);
  return true;
}
