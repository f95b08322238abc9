// Golden files: the generated output for the cinder example and edge cases, reviewed like code.
// UPDATE_GOLDEN=1 rewrites test/golden/expected/ from the current generators.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { parseManifest } from '../../generators/manifest/index.js';
import { findTarget, targets } from '../../generators/registry.js';

const repository = fileURLToPath(new URL('../..', import.meta.url));
const expectedRoot = fileURLToPath(new URL('./expected', import.meta.url));
/** Every registered target, in registry order (the order of each case's FILES listing). */
const allTargets = targets.map((target) => target.name);

/** Each case: a manifest, the systemd version, and the targets whose output is kept. */
const cases = [
  { name: 'cinder', manifest: 'examples/cinder/reloadkit.yaml', systemdVersion: 252, targets: allTargets },
  { name: 'cinder-systemd-257', manifest: 'examples/cinder/reloadkit.yaml', systemdVersion: 257, targets: ['systemd'] },
  { name: 'minimal', manifest: 'test/golden/manifests/minimal.yaml', systemdVersion: 252, targets: allTargets },
  { name: 'hostile', manifest: 'test/golden/manifests/hostile.yaml', systemdVersion: 252, targets: allTargets },
  { name: 'hostile-systemd-257', manifest: 'test/golden/manifests/hostile.yaml', systemdVersion: 257, targets: ['systemd'] },
];

/** `<mode> <target>/<path>` lines plus the file contents a case produces. */
function generateCase(testCase: (typeof cases)[number]): Map<string, string> {
  const manifest = parseManifest(readFileSync(join(repository, testCase.manifest), 'utf8'), 'reloadkit.yaml');
  const files = new Map<string, string>();
  const listing: string[] = [];
  for (const name of testCase.targets) {
    for (const file of findTarget(name).generate(manifest, { systemdVersion: testCase.systemdVersion })) {
      files.set(`${name}/${file.path}`, file.content);
      listing.push(`${file.mode.toString(8).padStart(4, '0')} ${name}/${file.path}`);
    }
  }
  files.set('FILES', `${listing.join('\n')}\n`);
  return files;
}

function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  if (existsSync(root)) walk(root);
  return files;
}

for (const testCase of cases) {
  t.test(`golden: ${testCase.name}`, async (t) => {
    const generated = generateCase(testCase);
    const directory = join(expectedRoot, testCase.name);
    if (process.env.UPDATE_GOLDEN === '1') {
      rmSync(directory, { recursive: true, force: true });
      for (const [path, content] of generated) {
        mkdirSync(dirname(join(directory, path)), { recursive: true });
        writeFileSync(join(directory, path), content);
      }
      t.comment(`rewrote ${relative(repository, directory)}`);
    }
    const expected = readTree(directory);
    t.ok(expected.size > 0, `expected files exist in ${relative(repository, directory)} (run with UPDATE_GOLDEN=1 once)`);
    t.same([...generated.keys()].sort(), [...expected.keys()].sort(), 'same set of files');
    for (const [path, content] of generated) {
      t.equal(content, expected.get(path), `${path} matches the golden file`);
    }
  });
}
