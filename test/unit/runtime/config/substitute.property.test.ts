// Properties of oslo's `$` substitution over generated text: text without `$` is left alone, `$$` is a
// dollar, every reference is looked up exactly as written, and nothing throws unless the lookup does.
import t from 'tap';
import fc from 'fast-check';
import { substituteTemplate } from '../../../../runtime/config/substitute.js';

t.test('text without $ comes back unchanged, and the lookup is never called', async (t) => {
  fc.assert(fc.property(fc.string({ maxLength: 60 }).filter((s) => !s.includes('$')), (text) =>
    substituteTemplate(text, () => { throw new Error('looked up'); }) === text));
  t.pass('unchanged');
});

t.test('literal parts stay, $$ becomes $, $name and ${name} are replaced by the lookup', async (t) => {
  const literal = fc.stringMatching(/^[A-Z0-9 ,=:/-]{0,8}$/); // no $, no backslash, cannot extend a name
  const name = fc.stringMatching(/^[_a-z][._a-z0-9]{0,8}$/);
  const piece = fc.oneof(
    literal.map((text) => ({ text, expected: text })),
    fc.constant({ text: '$$', expected: '$' }),
    name.map((n) => ({ text: `\${${n}}`, expected: `<${n}>` })),
  );
  fc.assert(fc.property(fc.array(piece, { maxLength: 10 }), name, (pieces, last) => {
    const text = pieces.map((p) => p.text).join('') + `$${last}`;
    const expected = pieces.map((p) => p.expected).join('') + `<${last}>`;
    return substituteTemplate(text, (n) => `<${n}>`) === expected;
  }), { numRuns: 1000 });
  t.pass('1000 templates');
});

t.test('any text: no throw when the lookup does not throw', async (t) => {
  fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => typeof substituteTemplate(text, (n) => n.toUpperCase()) === 'string'), { numRuns: 2000 });
  t.pass('2000 inputs');
});
