// Finding what a compiled module imports, and which package a specifier names.
import t from 'tap';
import { isRelativeSpecifier, listImportSpecifiers, packageOfSpecifier } from '../../../../packaging/npm/module-imports.js';

t.test('static, side-effect, re-export and dynamic imports are found; comments are not code', async (t) => {
  const source = [
    "import { a } from './a.js';",
    "import b, { c } from \"zod\";",
    "import './side-effect.js';",
    "export * from '../re-export.js';",
    "export { d } from '@scope/pkg/sub';",
    '/** e.g. `await import(\'./service.js\')` */',
    "// import x from 'commented';",
    "const m = await import('node:fs');",
    "const path = '/etc/*.conf'; const n = await import('execa');",
  ].join('\n');
  t.same(listImportSpecifiers(source), ['./a.js', 'zod', './side-effect.js', '../re-export.js', '@scope/pkg/sub', 'node:fs', 'execa']);
});

t.test('packageOfSpecifier names packages, not built-ins or relative paths', async (t) => {
  t.equal(packageOfSpecifier('zod'), 'zod');
  t.equal(packageOfSpecifier('@scope/pkg/sub'), '@scope/pkg');
  t.equal(packageOfSpecifier('yaml/util'), 'yaml');
  t.equal(packageOfSpecifier('node:fs'), undefined);
  t.equal(packageOfSpecifier('fs'), undefined);
  t.equal(packageOfSpecifier('./x.js'), undefined);
  t.equal(isRelativeSpecifier('../x.js'), true);
  t.equal(isRelativeSpecifier('x'), false);
});
