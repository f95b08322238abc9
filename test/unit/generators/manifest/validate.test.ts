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
