// The registry: each target's self-description holds for what it generates, so lists derived from it are true.
import t from 'tap';
import { acceptedTargetNames, findTarget, targets } from '../../../generators/registry.js';
import { loadManifestsUnderTest } from '../../helpers/generator-fixtures.js';

t.test('names are unique and findTarget lists them all', async (t) => {
  const names = targets.map((target) => target.name);
  t.same([...new Set(names)], names, 'no name twice');
  t.same(acceptedTargetNames(), [...names, 'all']);
  for (const target of targets) t.equal(findTarget(target.name), target);
  t.throws(() => findTarget('upstart'), { message: `unknown target "upstart"; expected one of ${[...names, 'all'].join(', ')}` });
});

for (const { name, manifest } of loadManifestsUnderTest()) {
  for (const target of targets) {
    t.test(`${name}: ${target.name} keeps to what it declares`, async (t) => {
      const files = target.generate(manifest, { systemdVersion: 252 });
      if (target.shell === 'scripts' && files.length > 0) {
        t.ok(files.some((file) => file.content.startsWith('#!')), 'shell: scripts, so some file is a script');
      }
      for (const file of files) {
        t.ok(
          target.installsUnder.some((prefix) => file.path.startsWith(prefix)),
          `${file.path} is under one of ${target.installsUnder.join(', ')}`,
        );
        // A service-side target that writes scripts must say so (shell: files or scripts), or the shell checks would skip them.
        if (target.kind !== 'package' && target.shell !== 'files' && target.shell !== 'scripts') {
          t.notOk(file.content.startsWith('#!'), `${file.path} is no script (shell: ${target.shell})`);
        }
      }
    });
  }
}
