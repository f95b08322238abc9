// rpm's planning: where generated files go on RPM distributions, its relations, and the scriptlets step.
import t from 'tap';
import { emptyGeneratedFiles } from '../../../../packaging/layout/generated-inputs.js';
import { rpmPlanning } from '../../../../packaging/rpm/planning.js';
import type { PackageSpec } from '../../../../packaging/package-spec.js';

t.test('units move to /usr/lib, LSB init scripts are left out, the rest stays', async (t) => {
  t.equal(rpmPlanning.installedPath('lib/systemd/system/svc.service'), '/usr/lib/systemd/system/svc.service');
  t.equal(rpmPlanning.installedPath('etc/init.d/svc'), undefined);
  t.equal(rpmPlanning.installedPath('etc/logrotate.d/pkg'), '/etc/logrotate.d/pkg');
});

t.test('the common package depends on logrotate; no pre-dependencies', async (t) => {
  t.same(rpmPlanning.relations(emptyGeneratedFiles(), 'common'), { depends: [{ name: 'logrotate' }] });
  t.same(rpmPlanning.relations(emptyGeneratedFiles(), 'service'), { depends: [] });
});

t.test('a package without an rpm plan is left as planned', async (t) => {
  const spec = { name: 'pkg', entries: [] } as unknown as PackageSpec;
  t.equal(rpmPlanning.complete?.(spec, emptyGeneratedFiles()), spec);
});
