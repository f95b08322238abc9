// Formatting of manifest problems and received values.
import t from 'tap';
import { describeValue, formatFieldPath, formatProblem } from '../../../../generators/manifest/errors.js';

t.test('field paths read like the YAML', async (t) => {
  t.equal(formatFieldPath(['services', 0, 'reload', 'timeout']), 'services[0].reload.timeout');
  t.equal(formatFieldPath([]), '');
});

t.test('values are described with their type', async (t) => {
  t.equal(describeValue('abc'), '"abc" (string)');
  t.equal(describeValue(12), '12 (number)');
  t.equal(describeValue(undefined), 'nothing');
  t.equal(describeValue(null), 'null');
  t.equal(describeValue([1, 2]), 'a list of 2');
  t.equal(describeValue({}), 'a mapping');
  t.equal(describeValue('x'.repeat(80)), `"${'x'.repeat(57)}..." (string)`);
});

t.test('problems without a line or field', async (t) => {
  t.equal(formatProblem({ file: 'm.yaml', line: undefined, field: '', message: 'expected x' }), 'm.yaml: expected x');
  t.equal(formatProblem({ file: 'm.yaml', line: 3, field: 'a', message: 'expected x' }), 'm.yaml:3: a: expected x');
});
