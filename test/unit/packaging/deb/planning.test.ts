// deb's planning: generated files installed where the generator puts them, relations from the maintainer scripts.
import t from 'tap';
import { debPlanning } from '../../../../packaging/deb/planning.js';
import { emptyGeneratedFiles } from '../../../../packaging/layout/generated-inputs.js';

t.test('paths stay as generated, under /', async (t) => {
  t.equal(debPlanning.installedPath('lib/systemd/system/svc.service'), '/lib/systemd/system/svc.service');
  t.equal(debPlanning.installedPath('etc/init.d/svc'), '/etc/init.d/svc');
});

t.test('Depends and Pre-Depends are what the maintainer scripts asked for', async (t) => {
  const generated = { ...emptyGeneratedFiles(), debDepends: [{ name: 'adduser' }], debPreDepends: [{ name: 'init-system-helpers' }] };
  t.same(debPlanning.relations(generated, 'service'), { depends: [{ name: 'adduser' }], preDepends: [{ name: 'init-system-helpers' }] });
  t.equal(debPlanning.complete, undefined, 'no last step');
});
