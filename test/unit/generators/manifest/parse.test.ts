// Reading reloadkit.yaml: the exact messages a user sees, with file and line.
import { readFileSync } from 'node:fs';
import t from 'tap';
import { ManifestError, parseManifest } from '../../../../generators/manifest/index.js';
import { manifestMessage as messageOf } from '../../../helpers/manifest-problems.js';

const cinder = readFileSync(new URL('../../../../examples/cinder/reloadkit.yaml', import.meta.url), 'utf8');


t.test('the cinder example is valid and gets its defaults', async (t) => {
  const manifest = parseManifest(cinder, 'reloadkit.yaml');
  t.same(manifest.services.map((service) => service.name), ['cinder-volume', 'cinder-scheduler', 'cinder-api']);
  t.equal(manifest.package.revision, 1);
  t.equal(manifest.services[0]!.reload.signal, 'SIGHUP');
  t.same(manifest.services[0]!.requires, []);
});

t.test('a wrong type names line, field, expectation and the value received', async (t) => {
  const text = cinder.replace('      timeout: 120', '      timeout: abc');
  const line = text.split('\n').findIndex((l) => l.includes('timeout: abc')) + 1;
  t.equal(messageOf(text), `reloadkit.yaml:${line}: services[0].reload.timeout: expected a positive integer, got "abc" (string)`);
});

t.test('an unknown key is an error at its own line, listing the allowed keys', async (t) => {
  const text = cinder.replace('    drain_timeout: 60\n', '    drain_timeout: 60\n    relaod: yes\n');
  const line = text.split('\n').findIndex((l) => l.includes('relaod')) + 1;
  t.equal(
    messageOf(text),
    `reloadkit.yaml:${line}: services[0].relaod: unknown key; expected one of name, description, long_description, exec, args, user, group, config_files, environment_file, working_directory, runtime_directory, state_directory, logs_directory, after, wants, requires, reload, drain_timeout, stop_timeout, restart, notify_access, sandbox, on_upgrade, on_conffile_change`,
  );
});

t.test('a missing field is reported at its parent mapping', async (t) => {
  const text = 'package:\n  name: x1\n  version: "1"\n  maintainer: "A <a@b.c>"\nservices: []\n';
  t.equal(
    messageOf(text),
    [
      'reloadkit.yaml:1: package.description: expected one line of text (no newlines or control characters, no surrounding spaces, no trailing "\\"), got nothing',
      'reloadkit.yaml:5: services: expected at least one service, got a list of 0',
    ].join('\n'),
  );
});

t.test('an unquoted version that YAML reads as a number is refused with a hint', async (t) => {
  const text = cinder.replace('  version: "1.0.0"', '  version: 1.0');
  t.equal(
    messageOf(text),
    'reloadkit.yaml:4: package.version: expected an upstream version starting with a digit, e.g. "1.0.0" (quote it in YAML; no "-"), got 1 (number)',
  );
});

t.test('YAML syntax errors and duplicate keys carry their line', async (t) => {
  t.match(messageOf('package:\n  name: [\n'), /^reloadkit\.yaml:3: expected valid YAML: /);
  t.match(messageOf('package: {}\npackage: {}\n'), /^reloadkit\.yaml:2: expected valid YAML: Map keys must be unique/);
});

t.test('a newline in a description is refused', async (t) => {
  const text = cinder.replace('    description: OpenStack Cinder volume service', '    description: "two\\nlines"');
  t.match(messageOf(text), /services\[0\]\.description: expected one line of text .*, got "two\\nlines" \(string\)$/);
});

t.test('the error keeps the validation error as its cause and lists problems', async (t) => {
  try {
    parseManifest(cinder.replace('      timeout: 120', '      timeout: -1'), 'reloadkit.yaml');
    t.fail('expected an error');
  } catch (error) {
    t.ok(error instanceof ManifestError);
    t.ok((error as ManifestError).cause, 'has a cause');
    t.equal((error as ManifestError).problems[0]!.field, 'services[0].reload.timeout');
  }
});
