import t from 'tap';
import { formatDebDependency, renderDebControl } from '../../../../packaging/deb/control.js';
import { fixtureSpec } from '../../../helpers/packaging/spec-fixture.js';

t.test('renders every field Debian policy asks for, the description wrapped with " ." between paragraphs', async (t) => {
  const spec = fixtureSpec({ preDepends: [{ name: 'init-system-helpers', constraint: { operator: '>=', version: '1.54~' } }] });
  t.equal(
    renderDebControl(spec, 12),
    [
      'Package: demo-tool',
      'Source: demo',
      'Version: 1.2.0-3',
      'Architecture: all',
      'Maintainer: Demo Maintainer <demo@example.org>',
      'Installed-Size: 12',
      'Pre-Depends: init-system-helpers (>= 1.54~)',
      'Depends: nodejs (>= 18), demo-common (= 1.2.0-3)',
      'Section: net',
      'Priority: optional',
      'Homepage: https://example.org/demo',
      'Description: demonstration tool for the packaging pipeline',
      ' First paragraph of the long description, long enough to be wrapped at the',
      ' width the format asks for, which is below eighty columns.',
      ' .',
      ' Second paragraph.',
      '',
    ].join('\n'),
  );
});

t.test('leaves out optional fields that are not set and Source when it equals the package', async (t) => {
  const control = renderDebControl(fixtureSpec({ source: 'demo-tool', homepage: undefined, depends: [] }), 1);
  t.notMatch(control, /^(Source|Homepage|Depends|Pre-Depends):/m);
});

t.test('formats a dependency with and without a version', async (t) => {
  t.equal(formatDebDependency({ name: 'adduser' }), 'adduser');
  t.equal(formatDebDependency({ name: 'x', constraint: { operator: '<<', version: '2' } }), 'x (<< 2)');
});
