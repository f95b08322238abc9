import t from 'tap';
import { renderDebCopyright } from '../../../../packaging/deb/copyright.js';
import { fixtureSpec } from '../../../helpers/packaging/spec-fixture.js';

t.test('renders a machine-readable copyright file pointing at common-licenses', async (t) => {
  t.equal(
    renderDebCopyright(fixtureSpec()),
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n' +
      'Upstream-Name: demo\nSource: https://example.org/demo\n\n' +
      'Files: *\nCopyright: 2026 Demo Authors\nLicense: Apache-2.0\n\n' +
      'License: Apache-2.0\n On Debian systems, the full text of the Apache License, Version 2.0 can be found in\n' +
      " the file '/usr/share/common-licenses/Apache-2.0'.\n",
  );
});

t.test('a licence without a text in /usr/share/common-licenses is refused', async (t) => {
  t.throws(() => renderDebCopyright(fixtureSpec({ license: 'MIT' })), {
    message: 'license: expected one of Apache-2.0, GPL-2.0-only, GPL-3.0-only, MPL-2.0 (licences in /usr/share/common-licenses), got "MIT"',
  });
});
