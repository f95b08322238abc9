// Validating an object (no YAML): problems without line numbers, sorted, every one reported.
import t from 'tap';
import { ManifestError, validateManifest } from '../../../../generators/manifest/index.js';

t.test('a value that is not a mapping', async (t) => {
  t.throws(() => validateManifest('text', 'm.yaml'), new ManifestError([
    { file: 'm.yaml', line: undefined, field: '', message: 'expected a mapping with package and services, got "text" (string)' },
  ]));
});

t.test('every problem is reported, not only the first', async (t) => {
  try {
    validateManifest({ package: { name: 'X' }, services: [{ name: 'ok', bogus: 1 }] }, 'm.yaml');
    t.fail('expected an error');
  } catch (error) {
    const fields = (error as ManifestError).problems.map((problem) => problem.field);
    t.ok(fields.includes('package.name'));
    t.ok(fields.includes('services[0].bogus'));
    t.ok(fields.includes('services[0].exec'));
  }
});

t.test('config_files: a path, or a mapping that also sets owner, group and mode', async (t) => {
  const base = {
    package: { name: 'pkg', version: '1', maintainer: 'A <a@example.org>', description: 'Package' },
  };
  const service = (config_files: unknown[]) => ({
    name: 'svc',
    description: 'A service',
    exec: '/usr/bin/svc',
    reload: { command: ['/usr/bin/svc', 'reload'], check_command: ['/usr/bin/svc', 'check-config'], timeout: 60 },
    drain_timeout: 30,
    stop_timeout: 40,
    config_files,
  });
  const valid = validateManifest({ ...base, services: [service(['/etc/a.conf', { path: '/etc/b.conf', group: 'svc', mode: '0640' }])] }, 'm.yaml');
  t.strictSame(valid.services[0]?.config_files, [{ path: '/etc/a.conf' }, { path: '/etc/b.conf', group: 'svc', mode: '0640' }]);
  const problems = (files: unknown[]) => {
    try {
      validateManifest({ ...base, services: [service(files)] }, 'm.yaml');
      return [];
    } catch (error) {
      return (error as ManifestError).message.split('\n');
    }
  };
  t.same(problems([{ path: '/etc/a.conf', mode: 640 }]), [
    'm.yaml: services[0].config_files[0].mode: expected permissions as quoted octal text such as "0640", got 640 (number)',
  ], 'the problem inside the mapping, not "expected a path or a mapping"');
  t.same(problems([{ path: '/etc/a.conf', owner: 'Root' }, { path: '/etc/b.conf', mod: '0640' }]), [
    'm.yaml: services[0].config_files[0].owner: expected a user or group name: lower-case letters, digits, "_" and "-", starting with a letter or "_", at most 32 characters, got "Root" (string)',
    'm.yaml: services[0].config_files[1].mod: unknown key; expected one of path, owner, group, mode',
  ]);
  t.same(problems(['etc/a.conf', 7]), [
    'm.yaml: services[0].config_files[0]: expected an absolute path made of letters, digits and . _ + @ : - / (no spaces, no shell characters, no "." or ".." segments), got "etc/a.conf" (string)',
    'm.yaml: services[0].config_files[1]: expected an absolute path or a mapping with path and optional owner, group, mode, got 7 (number)',
  ]);
});

t.test('package metadata for packaging: licence, copyright, Debian section, long descriptions (all optional)', async (t) => {
  const service = {
    name: 'svc',
    description: 'A service',
    exec: '/usr/bin/svc',
    reload: { command: ['/usr/bin/svc', 'reload'], check_command: ['/usr/bin/svc', 'check-config'], timeout: 60 },
    drain_timeout: 30,
    stop_timeout: 40,
  };
  const pkg = { name: 'pkg', version: '1', maintainer: 'A <a@example.org>', description: 'Package' };
  const bare = validateManifest({ package: pkg, services: [service] }, 'm.yaml');
  t.strictSame([bare.package.license, bare.package.copyright, bare.package.section, bare.package.long_description], [undefined, undefined, 'misc', undefined]);
  t.equal(bare.services[0]?.long_description, undefined);
  const full = validateManifest({
    package: { ...pkg, license: 'Apache-2.0', copyright: '2026 The pkg authors', section: 'net', long_description: 'First  paragraph,\nfolded.\n\nSecond.\n' },
    services: [{ ...service, long_description: 'What svc does.' }],
  }, 'm.yaml');
  t.strictSame(
    [full.package.license, full.package.copyright, full.package.section, full.package.long_description, full.services[0]?.long_description],
    ['Apache-2.0', '2026 The pkg authors', 'net', 'First  paragraph,\nfolded.\n\nSecond.', 'What svc does.'],
    'surrounding blank space is dropped (a YAML block scalar ends in a newline)',
  );
  try {
    validateManifest({ package: { ...pkg, license: 'Apache 2', section: 'network', long_description: 'tab\there' }, services: [service] }, 'm.yaml');
    t.fail('expected an error');
  } catch (error) {
    t.same((error as ManifestError).message.split('\n'), [
      'm.yaml: package.long_description: expected text of paragraphs separated by blank lines, without tabs or other control characters, got "tab\\there" (string)',
      'm.yaml: package.license: expected an SPDX licence identifier or expression such as "Apache-2.0" or "MIT OR Apache-2.0", got "Apache 2" (string)',
      'm.yaml: package.section: expected a Debian archive section such as "net", "admin", "utils" or "misc" (optionally "contrib/" or "non-free/" before it), got "network" (string)',
    ]);
  }
});

t.test('fleet: options as section.option, each error naming the field and the value', async (t) => {
  const manifest = (fleet: unknown) => ({
    package: { name: 'pkg', version: '1', maintainer: 'A <a@example.org>', description: 'Package' },
    services: [{ name: 'svc', description: 'A service', exec: '/usr/bin/svc', drain_timeout: 1, stop_timeout: 1,
      reload: { command: ['/usr/bin/svc', 'reload'], check_command: ['/usr/bin/svc', 'check-config'], timeout: 1 } }],
    ...(fleet === undefined ? {} : { fleet }),
  });
  t.same(validateManifest(manifest(undefined), 'm.yaml').fleet, { equal_options: [] }, 'no fleet: no equal options, no cluster option');
  t.same(validateManifest(manifest({ equal_options: ['DEFAULT.host'], cluster_option: 'DEFAULT.cluster' }), 'm.yaml').fleet,
    { equal_options: ['DEFAULT.host'], cluster_option: 'DEFAULT.cluster' });
  t.throws(() => validateManifest(manifest({ equal_options: ['host'] }), 'm.yaml'), new ManifestError([
    { file: 'm.yaml', line: undefined, field: 'fleet.equal_options[0]', message: 'expected an option as "section.option", e.g. "DEFAULT.host" or "coordination.backend_url", got "host" (string)' },
  ]));
});
