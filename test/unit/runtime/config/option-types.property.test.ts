// Properties of the option types over generated raw text: parse never throws, it returns a value or says
// what it expected; numbers read back what was written and stay in range.
import t from 'tap';
import fc from 'fast-check';
import {
  boolType, choiceType, floatType, hostPortType, intType, listType, pathType, portType, stringType, type OptionType,
} from '../../../../runtime/config/option-types.js';

const types: Array<[string, OptionType<unknown>]> = [
  ['string', stringType], ['path', pathType], ['bool', boolType], ['list', listType], ['int 0..10', intType(0, 10)],
  ['int', intType()], ['float -1..1', floatType(-1, 1)], ['port', portType], ['hostPort', hostPortType], ['choice', choiceType(['a', 'b'])],
];

t.test('every type: a value or a non-empty expectation, never a throw', async (t) => {
  for (const [name, type] of types) {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (raw) => {
      const result = type.parse(raw);
      return result.ok ? true : typeof result.expected === 'string' && result.expected.length > 0;
    }), { numRuns: 1000 });
    t.pass(`${name}: 1000 inputs`);
  }
});

t.test('integers and ports read back what was written, and stay in range', async (t) => {
  fc.assert(fc.property(fc.integer({ min: -1000, max: 1000 }), (n) => {
    const result = intType(0, 10).parse(String(n));
    return n >= 0 && n <= 10 ? result.ok && result.value === n : !result.ok;
  }));
  fc.assert(fc.property(fc.integer({ min: -5, max: 70000 }), (n) => {
    const result = portType.parse(` ${n} `);
    return n >= 1 && n <= 65535 ? result.ok && result.value === n : !result.ok;
  }));
  t.pass('ranges hold');
});

t.test('booleans: the words in any case, and nothing else', async (t) => {
  const words = ['true', 'yes', 'on', '1', 'false', 'no', 'off', '0'];
  fc.assert(fc.property(fc.constantFrom(...words), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (word, upper) => {
    const mixed = [...word].map((c, i) => (upper[i % 5] ? c.toUpperCase() : c)).join('');
    const result = boolType.parse(mixed);
    return result.ok && result.value === ['true', 'yes', 'on', '1'].includes(word);
  }));
  fc.assert(fc.property(fc.string({ maxLength: 8 }).filter((raw) => !words.includes(raw.trim().toLowerCase())), (raw) => !boolType.parse(raw).ok));
  t.pass('booleans hold');
});
