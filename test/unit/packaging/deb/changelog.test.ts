import t from 'tap';
import { formatRfc5322Date, renderDebChangelog } from '../../../../packaging/deb/changelog.js';
import { fixtureSpec } from '../../../helpers/packaging/spec-fixture.js';

t.test('renders entries newest first in dpkg-parsechangelog format', async (t) => {
  t.equal(
    renderDebChangelog(fixtureSpec()),
    'demo (1.2.0-3) unstable; urgency=medium\n\n  * Second release.\n\n -- Demo Maintainer <demo@example.org>  Fri, 27 Nov 2026 00:00:00 +0000\n' +
      '\ndemo (1.1.0-3) unstable; urgency=medium\n\n  * First release.\n\n -- Demo Maintainer <demo@example.org>  Mon, 05 Jan 2026 00:00:00 +0000\n',
  );
});

t.test('the newest entry must be for the package version', async (t) => {
  t.throws(() => renderDebChangelog(fixtureSpec({ version: '1.3.0' })), {
    message: 'changelog: the newest entry must be for version 1.3.0, got "1.2.0"',
  });
  t.throws(() => renderDebChangelog(fixtureSpec({ changelog: [] })), {
    message: 'changelog: the newest entry must be for version 1.2.0, got no entries',
  });
});

t.test('dates are RFC 5322 in UTC; a bad date names the value', async (t) => {
  t.equal(formatRfc5322Date('2026-11-27T13:04:05Z'), 'Fri, 27 Nov 2026 13:04:05 +0000');
  t.throws(() => formatRfc5322Date('27.11.2026'), { message: 'changelog: date: expected an ISO 8601 date such as 2026-11-27, got "27.11.2026"' });
});
