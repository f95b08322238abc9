// runtime/version.ts is package.json's version, as the build writes it.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { RUNTIME_VERSION } from '../../../../runtime/index.js';
import { readPackageVersion, renderRuntimeVersion, RUNTIME_VERSION_FILE, writeRuntimeVersion } from '../../../../packaging/npm/runtime-version.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

t.test('the committed runtime/version.ts is what the build writes from package.json', async (t) => {
  const version = await readPackageVersion(root);
  t.equal(await readFile(join(root, RUNTIME_VERSION_FILE), 'utf8'), renderRuntimeVersion(version), 'run `npm run build` to regenerate');
  t.equal(RUNTIME_VERSION, version);
});

t.test('writeRuntimeVersion rewrites the file only when the version changed', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'reloadkit-version-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ version: '2.3.4-rc.1' }));
  await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'runtime')));
  t.equal(await writeRuntimeVersion(dir), true);
  t.match(await readFile(join(dir, RUNTIME_VERSION_FILE), 'utf8'), /^export const RUNTIME_VERSION = "2\.3\.4-rc\.1";$/m);
  t.equal(await writeRuntimeVersion(dir), false);
});

t.test('a package.json without a semver version is refused, naming file and value', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'reloadkit-version-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ version: 'one' }));
  await t.rejects(readPackageVersion(dir), {
    message: `${join(dir, 'package.json')}: version: expected a semver version such as "1.2.3", got "one"`,
  });
});
