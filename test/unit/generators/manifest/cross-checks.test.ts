// Rules spanning several fields: unique names, timeouts that cover the drain, private runtime directories.
import t from 'tap';
import { manifestProblems as problemsOf } from '../../../helpers/manifest-problems.js';

const service = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  description: 'A service',
  exec: '/usr/bin/x',
  reload: { command: ['/usr/bin/x', 'reload'], check_command: ['/usr/bin/x', 'check-config'], timeout: 60 },
  drain_timeout: 30,
  stop_timeout: 40,
  ...extra,
});
const manifest = (...services: object[]) => ({
  package: { name: 'pkg', version: '1', maintainer: 'A <a@example.org>', description: 'Package' },
  services,
});

t.test('a valid pair of services passes', async (t) => {
  t.same(problemsOf(manifest(service('a'), service('b'))), []);
});

t.test('stop_timeout and reload.timeout must cover drain_timeout', async (t) => {
  t.same(problemsOf(manifest(service('a', { stop_timeout: 10, reload: { command: ['/x'], check_command: ['/x'], timeout: 5 } }))), [
    'm.yaml: services[0].stop_timeout: expected at least drain_timeout (30) so a stop can drain in-flight work, got 10 (number)',
    'm.yaml: services[0].reload.timeout: expected at least drain_timeout (30) so a reload can drain in-flight work, got 5 (number)',
  ]);
});

t.test('service names are unique, also in their first 15 characters', async (t) => {
  t.same(problemsOf(manifest(service('a'), service('a'))), [
    'm.yaml: services[1].name: expected a name not used by services[0], got "a" (string)',
  ]);
  t.same(problemsOf(manifest(service('abcdefghijklmno-1'), service('abcdefghijklmno-2'))), [
    'm.yaml: services[1].name: expected the first 15 characters to differ from services[0].name (the process name init scripts match on), got "abcdefghijklmno-2" (string)',
  ]);
});

t.test('two services cannot share a runtime directory', async (t) => {
  t.same(problemsOf(manifest(service('a', { runtime_directory: 'r' }), service('b', { runtime_directory: 'r' }))), [
    'm.yaml: services[1].runtime_directory: expected a directory not used by services[0] (systemd removes it when either stops), got "r" (string)',
  ]);
});

t.test('services sharing a config file agree on its owner, group and mode (defaults: root, their group, 0640)', async (t) => {
  const conf = (entry: unknown) => ({ config_files: [entry] });
  t.same(problemsOf(manifest(
    service('a', { user: 'svc', ...conf({ path: '/etc/x.conf', mode: '0640' }) }),
    service('b', { user: 'svc', ...conf({ path: '/etc/x.conf', owner: 'root', group: 'svc' }) }),
    service('c', conf('/etc/x.conf')),
  )), [], 'the same once defaults are filled in; a bare path has no say');
  t.same(problemsOf(manifest(
    service('a', { user: 'svc', ...conf({ path: '/etc/x.conf', mode: '0640' }) }),
    service('b', { user: 'other', ...conf({ path: '/etc/x.conf', mode: '640' }) }),
  )), [
    'm.yaml: services[1].config_files[0]: expected the owner, group and mode services[0] gives /etc/x.conf (root:svc 0640), not root:other 0640, got a mapping',
  ]);
});
