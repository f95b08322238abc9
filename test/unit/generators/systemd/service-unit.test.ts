// The unit's view: which command ExecReload= runs per version, timeouts and writable paths.
import t from 'tap';
import { buildServiceUnitView, NOTIFY_RELOAD_SINCE } from '../../../../generators/systemd/service-unit.js';
import { loadRepositoryManifest } from '../../../helpers/generator-fixtures.js';

const cinder = loadRepositoryManifest('examples/cinder/reloadkit.yaml').services[0]!;

t.test('the reload command depends on the systemd version', async (t) => {
  t.equal(NOTIFY_RELOAD_SINCE, 253);
  t.same(buildServiceUnitView(cinder, undefined, 252).execReload, cinder.reload.command);
  t.same(buildServiceUnitView(cinder, undefined, 253).execReload, cinder.reload.check_command);
  t.equal(buildServiceUnitView(cinder, undefined, 252).notifyReload, false);
});

t.test('TimeoutStartSec= covers the reload, TimeoutStopSec= the stop timeout', async (t) => {
  const view = buildServiceUnitView(cinder, undefined, 252);
  t.equal(view.timeoutStartSec, 120);
  t.equal(view.timeoutStopSec, 90);
});

t.test('a working directory outside the managed directories stays writable under ProtectSystem=strict', async (t) => {
  t.same(buildServiceUnitView(cinder, undefined, 252).readWritePaths, [], '/var/lib/cinder is the StateDirectory');
  const elsewhere = { ...cinder, working_directory: '/srv/cinder' };
  t.same(buildServiceUnitView(elsewhere, undefined, 252).readWritePaths, ['/srv/cinder']);
});

t.test('sandbox: nothing granted by default; what the manifest grants reaches the unit', async (t) => {
  const plain = buildServiceUnitView(cinder, undefined, 252);
  t.same([plain.capabilities, plain.addressFamilies, plain.limitNofile], [[], ['AF_UNIX', 'AF_INET', 'AF_INET6', 'AF_NETLINK'], undefined]);
  const granted = buildServiceUnitView({
    ...cinder,
    working_directory: '/srv/cinder',
    sandbox: { capabilities: ['CAP_NET_BIND_SERVICE'], address_families: ['AF_PACKET'], writable_paths: ['/srv/images'], limit_nofile: 65536 },
  }, undefined, 252);
  t.same(granted.capabilities, ['CAP_NET_BIND_SERVICE']);
  t.same(granted.addressFamilies, ['AF_UNIX', 'AF_INET', 'AF_INET6', 'AF_NETLINK', 'AF_PACKET']);
  t.same(granted.readWritePaths, ['/srv/cinder', '/srv/images'], 'the working directory, then the granted paths');
  t.equal(granted.limitNofile, 65536);
});
