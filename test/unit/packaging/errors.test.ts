import t from 'tap';
import { PackagingError, wrapError } from '../../../packaging/errors.js';

t.test('wrapError says what was being done, then the cause, and keeps the cause', async (t) => {
  const cause = new Error('dpkg-deb exited with 2: bad control file');
  const error = wrapError('cannot build cinder-volume.deb', cause);
  t.type(error, PackagingError);
  t.equal(error.message, 'cannot build cinder-volume.deb: dpkg-deb exited with 2: bad control file');
  t.equal(error.cause, cause);
  t.equal(wrapError('cannot plan', 'plain text').message, 'cannot plan: plain text');
});
