// The shared init view: one account value, hard dependencies, directories and the reload client's call.
import t from 'tap';
import { buildInitContractView, hardDependencies, serviceAccount } from '../../../../generators/init-contract/index.js';
import { buildStubManifest, loadRepositoryManifest } from '../../../helpers/generator-fixtures.js';

const hostile = loadRepositoryManifest('test/golden/manifests/hostile.yaml').services[0]!;

t.test('the account: user:group, user alone, or none', async (t) => {
  t.same(serviceAccount(hostile), { user: 'hostile', group: 'hostile', userGroup: 'hostile:hostile' });
  const userOnly = buildStubManifest('svc', '/usr/bin/svc', { user: 'svc' }).services[0]!;
  t.same(serviceAccount(userOnly), { user: 'svc', group: undefined, userGroup: 'svc' });
  const groupOnly = buildStubManifest('svc', '/usr/bin/svc', { group: 'adm' }).services[0]!;
  t.same(serviceAccount(groupOnly), { user: undefined, group: 'adm', userGroup: undefined }, 'a group alone gives no --chuid value');
});

t.test('hard dependencies: requires, plus what is both wanted and ordered after', async (t) => {
  const service = buildStubManifest('svc', '/usr/bin/svc', {
    requires: ['a.service'],
    wants: ['b.service', 'c.service'],
    after: ['b.service', 'd.service'],
  }).services[0]!;
  t.same(hardDependencies(service), ['a.service', 'b.service']);
});

t.test('the contract view: directories with their tool, the client under timeout, run as the account on request', async (t) => {
  const view = buildInitContractView(hostile, { tool: 'checkpath', onFailure: 'return 1', seconds: '"$T"', reloadAsServiceAccount: true });
  t.same(view.directories, { paths: ['/run/hostile'], mode: '0750', tool: 'checkpath', onFailure: 'return 1' });
  t.same(view.reloadClient, { seconds: '"$T"', killAfter: 5, runAs: ['-u', 'hostile', '-g', 'hostile'], command: hostile.reload.command });
  const asCaller = buildInitContractView(hostile, { tool: 'install', onFailure: 'exit 1' });
  t.same(asCaller.reloadClient.runAs, [], 'run as the caller by default');
  t.equal(asCaller.reloadClient.seconds, String(hostile.reload.timeout), 'reload.timeout by default');
});
