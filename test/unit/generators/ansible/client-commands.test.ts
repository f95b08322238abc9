// The rollout's calls to a service's own client: check-config as written, reload waiting for the drain, status.
import t from 'tap';
import { buildRolloutCommands, STATUS_TIMEOUT_SECONDS } from '../../../../generators/ansible/client-commands.js';
import { loadRepositoryManifest } from '../../../helpers/generator-fixtures.js';

t.test('cinder-volume: --wait-drained added, the manifest\'s --timeout kept; status keeps the config sources', async (t) => {
  const [volume] = loadRepositoryManifest('examples/cinder/reloadkit.yaml').services;
  const commands = buildRolloutCommands(volume!, 0);
  t.same(commands.check, ['/usr/bin/cinder-volume', 'check-config', '--config-file', '/etc/cinder/cinder.conf']);
  t.same(commands.reload, ['/usr/bin/cinder-volume', 'reload', '--config-file', '/etc/cinder/cinder.conf', '--timeout', '110', '--wait-drained']);
  t.same(commands.status, ['/usr/bin/cinder-volume', 'status', '--config-file', '/etc/cinder/cinder.conf', '--timeout', String(STATUS_TIMEOUT_SECONDS)]);
});

t.test('no --timeout in the manifest: reload.timeout; --timeout=N and --wait-drained are not passed to status', async (t) => {
  const [tiny] = loadRepositoryManifest('test/golden/manifests/minimal.yaml').services;
  t.same(buildRolloutCommands(tiny!, 0).reload, ['/usr/bin/tiny', 'reload', '--wait-drained', '--timeout', '30']);
  const written = { ...tiny!, reload: { ...tiny!.reload, command: ['/usr/bin/tiny', 'reload', '--wait-drained', '--timeout=5', '--config-dir', '/etc/tiny.d'] as [string, ...string[]] } };
  const commands = buildRolloutCommands(written, 0);
  t.same(commands.reload, ['/usr/bin/tiny', 'reload', '--wait-drained', '--timeout=5', '--config-dir', '/etc/tiny.d']);
  t.same(commands.status, ['/usr/bin/tiny', 'status', '--config-dir', '/etc/tiny.d', '--timeout', String(STATUS_TIMEOUT_SECONDS)]);
});

t.test('a reload command that is not the synchronous client is refused, naming the field', async (t) => {
  const [tiny] = loadRepositoryManifest('test/golden/manifests/minimal.yaml').services;
  const other = { ...tiny!, reload: { ...tiny!.reload, command: ['/bin/kill', '-HUP', '1'] as [string, ...string[]] } };
  t.throws(() => buildRolloutCommands(other, 2), {
    message: 'services[2].reload.command: expected the service\'s synchronous client ([program, reload, …]) for the ansible target, got ["/bin/kill","-HUP","1"]',
  });
});
