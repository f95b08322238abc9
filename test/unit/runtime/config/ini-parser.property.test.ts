// Properties of the INI parser over generated input (fast-check): any text either parses or raises a
// ConfigError that names the file and a line of that text, nothing else; lenient mode never throws; what
// a well-formed file assigns is what the document holds.
import t from 'tap';
import fc from 'fast-check';
import { ConfigError } from '../../../../runtime/config/errors.js';
import { parseIni } from '../../../../runtime/config/ini-parser.js';

/** Lines that look like INI and lines that do not: headers (broken too), assignments, comments, continuations, noise. */
const iniLine = fc.oneof(
  fc.stringMatching(/^\[[A-Za-z_ ]{0,8}\]?$/),
  fc.tuple(fc.stringMatching(/^[a-z_]{1,8}$/), fc.constantFrom(' = ', '=', ': ', ' '), fc.string({ maxLength: 12 })).map(([k, sep, v]) => `${k}${sep}${v}`),
  fc.stringMatching(/^[#;].{0,10}$/),
  fc.string({ maxLength: 12 }).map((v) => `  ${v}`),
  fc.constant(''),
  fc.string({ maxLength: 16 }),
);
const iniText = fc.array(iniLine, { maxLength: 30 }).map((lines) => lines.join('\n'));

t.test('any text parses or raises a located ConfigError', async (t) => {
  const seen = { parsed: 0, refused: 0 };
  fc.assert(fc.property(fc.oneof(iniText, fc.string({ maxLength: 200 })), (text) => {
    try {
      parseIni(text, 'x.conf');
      seen.parsed += 1;
      return true;
    } catch (error) {
      if (!(error instanceof ConfigError)) return false;
      seen.refused += 1;
      const lineCount = text.split('\n').length;
      return error.all().every((problem) => problem.file === 'x.conf' && problem.line !== undefined && problem.line >= 1 && problem.line <= lineCount);
    }
  }), { numRuns: 2000 });
  t.ok(seen.parsed > 100 && seen.refused > 100, `both outcomes were exercised: ${JSON.stringify(seen)}`);
});

t.test('lenient mode never throws', async (t) => {
  fc.assert(fc.property(fc.oneof(iniText, fc.string({ maxLength: 200 })), (text) => {
    parseIni(text, 'x.conf', { lenient: true });
  }), { numRuns: 2000 });
  t.pass('2000 inputs');
});

t.test('a well-formed file holds exactly the last assignment of each key, at its line', async (t) => {
  const key = fc.stringMatching(/^[a-z][a-z_]{0,7}$/);
  const value = fc.stringMatching(/^[A-Za-z0-9_./:-]{0,12}$/);
  fc.assert(fc.property(fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 20 }), (pairs) => {
    const text = ['[DEFAULT]', ...pairs.map(([k, v]) => `${k} = ${v}`)].join('\n');
    const section = parseIni(text, 'x.conf').sections.get('DEFAULT');
    const expected = new Map<string, { value: string; line: number }>();
    pairs.forEach(([k, v], index) => expected.set(k, { value: v, line: index + 2 }));
    return section !== undefined && section.values.size === expected.size
      && [...expected].every(([k, want]) => section.values.get(k)?.value === want.value && section.values.get(k)?.line === want.line);
  }), { numRuns: 500 });
  t.pass('500 files');
});
