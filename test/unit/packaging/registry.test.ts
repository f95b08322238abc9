import t from 'tap';
import { findPackager, packagers } from '../../../packaging/registry.js';

t.test('lists deb then rpm and finds them by name', async (t) => {
  t.same(packagers.map((p) => p.name), ['deb', 'rpm']);
  t.equal(findPackager('rpm').name, 'rpm');
});

t.test('an unknown format names the known ones', async (t) => {
  t.throws(() => findPackager('apk'), { message: 'format: expected one of "deb", "rpm", got "apk"' });
});
