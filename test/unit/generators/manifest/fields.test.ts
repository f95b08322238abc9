// Field rules: what paths, names and text the manifest accepts.
import t from 'tap';
import { absolutePath, accountName, oneLineText, relativeDirectory, serviceName, unitName } from '../../../../generators/manifest/fields.js';

t.test('absolute paths: no spaces, shell characters or dot segments', async (t) => {
  for (const good of ['/usr/bin/cinder-volume', '/etc/cinder/cinder.conf', '/opt/a_b+c@d:e']) t.ok(absolutePath.safeParse(good).success, good);
  for (const bad of ['usr/bin/x', '/usr/bin/my prog', '/usr/bin/$(x)', '/usr/../bin', '/usr/./bin', '/a/..']) {
    t.notOk(absolutePath.safeParse(bad).success, bad);
  }
});

t.test('relative directories stay below their base', async (t) => {
  t.ok(relativeDirectory.safeParse('cinder/volume').success);
  for (const bad of ['/run/x', '../etc', 'a/../b', '.', 'a b']) t.notOk(relativeDirectory.safeParse(bad).success, bad);
});

t.test('names', async (t) => {
  t.ok(serviceName.safeParse('cinder-volume').success);
  t.notOk(serviceName.safeParse('Cinder').success);
  t.notOk(serviceName.safeParse('-x').success);
  t.ok(accountName.safeParse('_cinder').success);
  t.notOk(accountName.safeParse('root user').success);
  t.ok(unitName.safeParse('network-online.target').success);
  t.ok(unitName.safeParse('getty@tty1.service').success);
  t.notOk(unitName.safeParse('network-online').success);
});

t.test('one-line text', async (t) => {
  t.ok(oneLineText.safeParse('OpenStack $(x) `y` 100% "z"').success);
  for (const bad of ['two\nlines', ' leading', 'trailing ', 'ends with \\', '', 'tab\there']) t.notOk(oneLineText.safeParse(bad).success, JSON.stringify(bad));
});
