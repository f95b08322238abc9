// The format-independent plan: actions per upgrade kind, accounts and directories from the manifest.
import t from 'tap';
import { planCommonPackage, planPackage, planServicePackage, toServiceAction } from '../../../../generators/package-plan/plan.js';
import { manifestWith } from '../../../helpers/deb-sandbox.js';

t.test('manifest policies become actions; none still starts a stopped service', async (t) => {
  t.equal(toServiceAction('restart'), 'restart');
  t.equal(toServiceAction('reload'), 'reload');
  t.equal(toServiceAction('none'), 'start');
});

t.test('one account per user, state and log directories once each, root never created', async (t) => {
  const plan = planPackage(
    manifestWith({
      a: { user: 'svc', state_directory: 'shared', logs_directory: 'shared', on_upgrade: 'reload' },
      b: { user: 'svc', group: 'svc', state_directory: 'shared', logs_directory: 'b' },
      c: { user: 'root' },
      d: {},
    }),
  );
  t.strictSame(plan, {
    name: 'pkg',
    services: [
      { name: 'a', onUpgrade: 'reload', onConffileOnlyUpgrade: 'reload' },
      { name: 'b', onUpgrade: 'restart', onConffileOnlyUpgrade: 'reload' },
      { name: 'c', onUpgrade: 'restart', onConffileOnlyUpgrade: 'reload' },
      { name: 'd', onUpgrade: 'restart', onConffileOnlyUpgrade: 'reload' },
    ],
    accounts: [{ user: 'svc', group: 'svc', home: '/var/lib/shared' }],
    directories: [
      { path: '/var/lib/shared', owner: 'svc', group: 'svc', mode: '0750' },
      { path: '/var/log/shared', owner: 'svc', group: 'svc', mode: '0750' },
      { path: '/var/log/b', owner: 'svc', group: 'svc', mode: '0750' },
    ],
    configFiles: [],
  });
});

t.test('split packages: the common one owns accounts and directories, each service package its service', async (t) => {
  const manifest = manifestWith({ a: { user: 'svc', logs_directory: 'svc', on_upgrade: 'reload' }, b: { user: 'svc' } });
  t.strictSame(planCommonPackage(manifest, 'pkg-common'), {
    name: 'pkg-common',
    services: [],
    accounts: [{ user: 'svc', group: 'svc', home: '/nonexistent' }],
    directories: [{ path: '/var/log/svc', owner: 'svc', group: 'svc', mode: '0750' }],
    configFiles: [],
  });
  t.strictSame(planServicePackage(manifest.services[0]!), {
    name: 'a',
    services: [{ name: 'a', onUpgrade: 'reload', onConffileOnlyUpgrade: 'reload' }],
    accounts: [],
    directories: [],
    configFiles: [],
  });
});

t.test('config files with owner, group or mode go to the package that ships them: the whole or the common one', async (t) => {
  const manifest = manifestWith({
    a: { user: 'svc', config_files: [{ path: '/etc/pkg/a.conf', mode: '0600' }, '/etc/pkg/plain.conf'] },
    b: { user: 'bsvc', group: 'grp', config_files: [{ path: '/etc/pkg/a.conf', owner: 'root', group: 'svc', mode: '600' }, { path: '/etc/pkg/b.conf', owner: 'svc' }] },
  });
  const expected = [
    { path: '/etc/pkg/a.conf', owner: 'root', group: 'svc', mode: '0600' },
    { path: '/etc/pkg/b.conf', owner: 'svc', group: 'grp', mode: '0640' },
  ];
  t.strictSame(planPackage(manifest).configFiles, expected);
  t.strictSame(planCommonPackage(manifest, 'pkg-common').configFiles, expected);
  t.strictSame(planServicePackage(manifest.services[1]!).configFiles, []);
});
