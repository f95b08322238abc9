// The package layout: every service shipped by exactly one package, every path by one package, unique names.
import t from 'tap';
import { parseManifest, validateManifest } from '../../../../generators/manifest/index.js';
import { manifestProblems as problemsOf } from '../../../helpers/manifest-problems.js';

const service = (name: string) => ({
  name,
  description: 'A service',
  exec: `/usr/bin/${name}`,
  reload: { command: [`/usr/bin/${name}`, 'reload'], check_command: [`/usr/bin/${name}`, 'check-config'], timeout: 60 },
  drain_timeout: 30,
  stop_timeout: 40,
});
const manifest = (packages: object[], services = [service('a'), service('b')]) => ({
  package: { name: 'pkg', version: '1', maintainer: 'A <a@example.org>', description: 'Package' },
  services,
  packages,
});

t.test('a common package and a package per service pass, with defaults filled in', async (t) => {
  const value = manifest([
    { name: 'pkg-common', code: ['lib'], files: [{ source: 'etc/x.conf', destination: '/etc/x/x.conf' }] },
    { name: 'pkg-a', code: ['a'], services: [{ name: 'a', main: 'a/main.js' }] },
    { name: 'pkg-b', code: ['b'], services: [{ name: 'b', main: 'b/main.js' }] },
  ]);
  t.same(problemsOf(value), []);
  const parsed = validateManifest(value, 'm.yaml');
  t.same(parsed.packages?.[1], {
    name: 'pkg-a',
    code: ['a'],
    files: [],
    docs: [],
    services: [{ name: 'a', main: 'a/main.js' }],
    conflicts: { deb: [], rpm: [] },
    replaces: [],
  });
  t.equal(parsed.package.code_from, '.');
});

t.test('two packages shipping one path are refused, naming both packages and the path', async (t) => {
  const file = { source: 'etc/x.conf', destination: '/etc/x/x.conf' };
  t.same(
    problemsOf(manifest([
      { name: 'pkg-common', files: [file], services: [{ name: 'a', main: 'a.js' }] },
      { name: 'pkg-b', files: [file], services: [{ name: 'b', main: 'b.js' }] },
    ])),
    [
      'm.yaml: packages[1].files[0].destination: expected a path only one package ships: packages[0] (pkg-common) ships ' +
        '/etc/x/x.conf and packages[1] (pkg-b) ships /etc/x/x.conf, got "/etc/x/x.conf" (string)',
    ],
  );
});

t.test('a code directory inside another package\'s code directory is the same path shipped twice', async (t) => {
  t.same(
    problemsOf(manifest([
      { name: 'pkg-common', code: ['runtime'], services: [{ name: 'a', main: 'a.js' }] },
      { name: 'pkg-b', code: ['runtime/config'], services: [{ name: 'b', main: 'b.js' }] },
    ])),
    [
      'm.yaml: packages[1].code[0]: expected a path only one package ships: packages[0] (pkg-common) ships ' +
        '/usr/share/pkg/runtime/ and packages[1] (pkg-b) ships /usr/share/pkg/runtime/config/, got "runtime/config" (string)',
    ],
  );
});

t.test('every service is shipped by exactly one package, and packages name only known services', async (t) => {
  t.same(
    problemsOf(manifest([
      { name: 'pkg-common', services: [{ name: 'a', main: 'a.js' }, { name: 'c', main: 'c.js' }] },
      { name: 'pkg-common', services: [{ name: 'a', main: 'a2.js' }] },
    ])),
    [
      'm.yaml: services[1].name: expected a package in packages to ship this service (in its services list), got "b" (string)',
      'm.yaml: packages[1].name: expected a name not used by packages[0] (pkg-common), got "pkg-common" (string)',
      'm.yaml: packages[0].services[1].name: expected the name of one of the services (a, b), got "c" (string)',
      'm.yaml: packages[1].services[0].name: expected a service no other package ships (packages[0] (pkg-common) ships it), got "a" (string)',
    ].sort(),
  );
});

t.test('layout errors carry the line of the field in the YAML file', async (t) => {
  const yaml = [
    'package: { name: pkg, version: "1", maintainer: "A <a@example.org>", description: Package }',
    'services:',
    '  - { name: a, description: A, exec: /usr/bin/a, drain_timeout: 1, stop_timeout: 1,',
    '      reload: { command: [/usr/bin/a, reload], check_command: [/usr/bin/a, check-config], timeout: 1 } }',
    'packages:',
    '  - name: pkg-a',
    '    services: [{ name: a, main: a.js }]',
    '    files:',
    '      - { source: x.conf, destination: /etc/x.conf, mode: 640 }',
  ].join('\n');
  t.throws(() => parseManifest(yaml, 'reloadkit.yaml'), {
    message: 'reloadkit.yaml:9: packages[0].files[0].mode: expected permissions as quoted octal text such as "0640", got 640 (number)',
  });
});
