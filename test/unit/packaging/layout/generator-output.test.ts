import t from 'tap';
import { cinderLayout } from '../../../../packaging/cinder/layout.js';
import { collectGeneratedInputs, findOwningService, parseDebRelation } from '../../../../packaging/layout/generator-output.js';
import { loadCinderPackagingManifest } from '../../../helpers/packaging/cinder-packages.js';

t.test('a generated file belongs to the service its name starts with, else to the common package', async (t) => {
  const names = ['cinder-volume', 'cinder-api'];
  t.equal(findOwningService({ path: 'lib/systemd/system/cinder-volume.service', mode: 0o644, content: '' }, names), 'cinder-volume');
  t.equal(findOwningService({ path: 'etc/init.d/cinder-api', mode: 0o755, content: '' }, names), 'cinder-api');
  t.equal(findOwningService({ path: 'etc/logrotate.d/cinder', mode: 0o644, content: '' }, names), undefined);
  t.equal(findOwningService({ path: 'etc/init.d/cinder-volumes', mode: 0o755, content: '' }, names), undefined);
});

t.test('sorts the generator output of the cinder manifest by package', async (t) => {
  const inputs = collectGeneratedInputs(await loadCinderPackagingManifest(), cinderLayout, { systemdVersion: 252 });
  t.same([...inputs.keys()], ['cinder-common', 'cinder-volume', 'cinder-scheduler', 'cinder-api']);
  t.same(inputs.get('cinder-common')?.installed.map((f) => f.path), ['etc/logrotate.d/cinder-common', 'usr/lib/sysusers.d/cinder-common.conf']);
  const logrotate = inputs.get('cinder-common')?.installed[0]?.content ?? '';
  t.match(logrotate, /^# Rotation of cinder-common's log files\./, 'the generator names the snippet after the package, not packaging');
  t.match(logrotate, /"cinder-common: reloading \$1 after log rotation failed/);
  t.same(Object.keys(inputs.get('cinder-common')?.debScripts ?? {}).sort(), ['postinst', 'postrm']);
  t.same(inputs.get('cinder-api')?.installed.map((f) => f.path), ['lib/systemd/system/cinder-api.service', 'etc/init.d/cinder-api']);
  t.same(Object.keys(inputs.get('cinder-api')?.debScripts ?? {}).sort(), ['postinst', 'postrm', 'preinst', 'prerm']);
});

t.test('parses Debian relations; anything else is an error naming the value', async (t) => {
  t.same(parseDebRelation('adduser'), { name: 'adduser' });
  t.same(parseDebRelation('init-system-helpers (>= 1.54~)'), { name: 'init-system-helpers', constraint: { operator: '>=', version: '1.54~' } });
  t.throws(() => parseDebRelation('a | b'), { message: 'deb generator: relation: expected "name" or "name (op version)", got "a | b"' });
});
