// Finding one package among a build's files, by name and not by prefix (cinder-volume is not cinder-volume-extra).
import t from 'tap';
import { packageFile } from '../cinder-packages.js';

const files = ['/d/v1/cinder-common_1.0.0-1_all.deb', '/d/v1/cinder-volume_1.0.0-1_all.deb', '/d/v1/cinder-volume-1.0.0-1.noarch.rpm'];

t.test('finds the .deb and the .rpm of a package', async (t) => {
  t.equal(packageFile(files.slice(0, 2), 'cinder-volume'), '/d/v1/cinder-volume_1.0.0-1_all.deb');
  t.equal(packageFile(files.slice(2), 'cinder-volume'), '/d/v1/cinder-volume-1.0.0-1.noarch.rpm');
});

t.test('a missing package is an error listing what there is', async (t) => {
  t.throws(() => packageFile(files.slice(0, 1), 'cinder-api'), { message: 'no cinder-api package among /d/v1/cinder-common_1.0.0-1_all.deb' });
});
