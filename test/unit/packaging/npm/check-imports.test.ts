// A staged package's imports must stay inside it or name an allowed dependency.
import t from 'tap';
import { collectDependencies } from '../../../../packaging/npm/check-imports.js';
import { cliPackage, runtimePackage } from '../../../../packaging/npm/package-definitions.js';

t.test('dependencies are the allowed packages the modules import', async (t) => {
  const modules = [
    { path: 'lib/a.js', text: "import { z } from 'zod';\nimport { b } from './b.js';\nimport fs from 'node:fs';" },
    { path: 'lib/a.d.ts', text: "import type { b } from './b.js';" },
  ];
  const deps = collectDependencies(cliPackage, modules, new Set(['lib/a.js', 'lib/b.js', 'lib/a.d.ts', 'lib/b.d.ts']));
  t.same([...deps], ['zod']);
});

t.test('an import outside the package or of an undeclared package fails, naming file and specifier', async (t) => {
  const modules = [{ path: 'dist/x.js', text: "import '../../examples/y.js';\nimport { execa } from 'execa';" }];
  t.throws(() => collectDependencies(runtimePackage, modules, new Set(['dist/x.js'])), {
    message:
      'cannot build @reloadkit/runtime:\n' +
      '  dist/x.js imports ../../examples/y.js, but the package has no ../examples/y.js\n' +
      '  dist/x.js imports execa: expected only Node.js built-ins',
  });
});
