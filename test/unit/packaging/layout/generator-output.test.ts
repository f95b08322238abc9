import t from 'tap';
import { join } from 'node:path';
import { collectGeneratedInputs, findOwningService, parseDebRelation } from '../../../../packaging/layout/generator-output.js';
import { resolvePackageLayout } from '../../../../packaging/layout/package-layout.js';
import { cinderManifestPath, loadCinderPackagingManifest } from '../../../helpers/packaging/cinder-packages.js';
import { projectRoot } from '../../../helpers/packaging/compiled-build.js';

t.test('a generated file belongs to the service its name starts with, else to the common package', async (t) => {
  const names = ['cinder-volume', 'cinder-api'];
  t.equal(findOwningService({ path: 'lib/systemd/system/cinder-volume.service', mode: 0o644, content: '' }, names), 'cinder-volume');
  t.equal(findOwningService({ path: 'etc/init.d/cinder-api', mode: 0o755, content: '' }, names), 'cinder-api');
  t.equal(findOwningService({ path: 'etc/logrotate.d/cinder', mode: 0o644, content: '' }, names), undefined);
  t.equal(findOwningService({ path: 'etc/init.d/cinder-volumes', mode: 0o755, content: '' }, names), undefined);
});

t.test('sorts the generator output of the cinder manifest by package', async (t) => {
  const manifest = await loadCinderPackagingManifest();
  const layout = resolvePackageLayout(manifest, join(projectRoot, cinderManifestPath));
  const inputs = collectGeneratedInputs(manifest, layout, { systemdVersion: 252 });
  const common = 'reloadkit-example-cinder-common';
  t.same([...inputs.keys()], [common, 'reloadkit-example-cinder-volume', 'reloadkit-example-cinder-scheduler', 'reloadkit-example-cinder-api']);
  t.same(inputs.get(common)?.installed.map((f) => f.path), [`etc/logrotate.d/${common}`, `usr/lib/sysusers.d/${common}.conf`]);
  const logrotate = inputs.get(common)?.installed[0]?.content ?? '';
  t.match(logrotate, /^# Rotation of reloadkit-example-cinder-common's log files\./, 'the generator names the snippet after the package, not packaging');
  t.match(logrotate, /"reloadkit-example-cinder-common: reloading \$1 after log rotation failed/);
  t.same(Object.keys(inputs.get(common)?.debScripts ?? {}).sort(), ['postinst', 'postrm']);
  const api = inputs.get('reloadkit-example-cinder-api');
  t.same(api?.installed.map((f) => f.path), ['lib/systemd/system/cinder-api.service', 'etc/init.d/cinder-api'], 'unit and init script keep the service name');
  t.same(Object.keys(api?.debScripts ?? {}).sort(), ['postinst', 'postrm', 'preinst', 'prerm']);
});

t.test('parses Debian relations; anything else is an error naming the value', async (t) => {
  t.same(parseDebRelation('adduser'), { name: 'adduser' });
  t.same(parseDebRelation('init-system-helpers (>= 1.54~)'), { name: 'init-system-helpers', constraint: { operator: '>=', version: '1.54~' } });
  t.throws(() => parseDebRelation('a | b'), { message: 'deb generator: relation: expected "name" or "name (op version)", got "a | b"' });
});
