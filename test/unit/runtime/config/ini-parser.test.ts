import t from 'tap';
import { parseIni } from '../../../../runtime/config/ini-parser.js';
import { ConfigError } from '../../../../runtime/config/errors.js';

/** The problems parseIni reports for `text`, as the messages a user sees. */
function problemsOf(text: string): string[] {
  try {
    parseIni(text, 'cinder.conf');
  } catch (error) {
    if (error instanceof ConfigError) return error.all().map((e) => e.message);
    throw error;
  }
  return [];
}

t.test('reads sections, both separators, comments, quotes, and keeps file:line per value', async (t) => {
  const doc = parseIni([
    '# comment', '; other comment', '[DEFAULT]', 'debug = true', 'host: example.org', '',
    '[backend_a]', 'san_ip = "10.0.0.1"', "name = 'x y'", 'url = http://h:80/p?a=b', 'empty =',
  ].join('\n'), 'cinder.conf');
  t.same([...doc.sections.keys()], ['DEFAULT', 'backend_a']);
  const a = doc.sections.get('backend_a')!;
  t.same(a.values.get('san_ip'), { value: '10.0.0.1', file: 'cinder.conf', line: 8 });
  t.equal(a.values.get('name')?.value, 'x y');
  t.equal(a.values.get('url')?.value, 'http://h:80/p?a=b', 'the first of = and : splits');
  t.equal(a.values.get('empty')?.value, '');
  t.equal(doc.sections.get('DEFAULT')?.values.get('host')?.value, 'example.org');
  t.equal(a.line, 7);
});

t.test('continuation lines join with newlines; a blank line ends the value', async (t) => {
  const doc = parseIni('[s]\nkey = first\n  second\n\tthird\n\nother = 1\n', 'f.conf');
  t.same(doc.sections.get('s')?.values.get('key'), { value: 'first\nsecond\nthird', file: 'f.conf', line: 2 });
  t.equal(doc.sections.get('s')?.values.get('other')?.line, 6);
});

t.test('a later assignment wins and a repeated section is merged (first header kept)', async (t) => {
  const doc = parseIni('[s]\na = 1\n[t]\nb = 2\n[s]\na = 3\nc = 4\n', 'f.conf');
  const s = doc.sections.get('s')!;
  t.same(s.values.get('a'), { value: '3', file: 'f.conf', line: 6 });
  t.equal(s.values.get('c')?.value, '4');
  t.equal(s.line, 1);
});

t.test('CRLF line ends, a byte order mark and inline "#" kept as oslo does', async (t) => {
  const doc = parseIni('\uFEFF[DEFAULT]\r\nx = 1 # not a comment\r\n', 'f.conf');
  t.equal(doc.sections.get('DEFAULT')?.values.get('x')?.value, '1 # not a comment');
});

t.test('each syntax error names file:line and what was expected', async (t) => {
  t.same(problemsOf('[DEFAULT\n'), ['cinder.conf:1: invalid section header "[DEFAULT": expected it to end with "]"']);
  t.same(problemsOf('[]\n'), ['cinder.conf:1: empty section name in "[]"']);
  t.same(problemsOf('[ ]\n'), ['cinder.conf:1: empty section name in "[ ]"']);
  t.same(problemsOf('[s]\njust words\n'), ['cinder.conf:2: expected "key = value", got "just words" (no "=" or ":")']);
  t.same(problemsOf('[s]\n= value\n'), ['cinder.conf:2: empty option name in "= value"']);
  t.same(problemsOf('  indented = 1\n[s]\n'), [
    'cinder.conf:1: unexpected continuation line (a line starting with a space or tab continues the previous value): "  indented = 1"',
  ]);
  t.same(problemsOf('a = 1\n'), ['cinder.conf:1: assignment before any [section] header: "a = 1" (options without a section belong in [DEFAULT])']);
});

t.test('every syntax error of a file is reported, first one carried in the fields', async (t) => {
  try {
    parseIni('[s]\nbad line\n[t\nx = 1\n[u]\n= 2\n', 'cinder.conf');
    t.fail('expected a ConfigError');
  } catch (error) {
    t.ok(error instanceof ConfigError);
    const e = error as ConfigError;
    t.equal(e.file, 'cinder.conf');
    t.equal(e.line, 2);
    t.equal(e.message, [
      'cinder.conf:2: expected "key = value", got "bad line" (no "=" or ":")',
      'cinder.conf:3: invalid section header "[t": expected it to end with "]"',
      'cinder.conf:6: empty option name in "= 2"',
    ].join('\n'), 'keys under a broken header are not reported again');
  }
});

t.test("oslo's test_iniparser cases, with oslo's results", async (t) => {
  const values = (text: string) => Object.fromEntries([...parseIni(text, 'f').sections].map(([name, s]) => [name, Object.fromEntries([...s.occurrences].map(([k, v]) => [k, v.map((x) => x.value)]))]));
  t.same(values('[test]\nfoo = bar'), { test: { foo: ['bar'] } }, 'test_section_assignment');
  t.same(values('[s]\nfoo: bar'), { s: { foo: ['bar'] } }, 'test_assignment_colon');
  t.same(values('[s]\nfoo = bar0\n  bar1'), { s: { foo: ['bar0\nbar1'] } }, 'test_assignment_multiline (oslo joins with "\\n")');
  t.same(values('[s]\nfoo = '), { s: { foo: [''] } }, 'test_empty_assignment');
  t.same(values("[s]\nfoo = ' bar '"), { s: { foo: [' bar '] } }, 'test_assignment_space_single_quote');
  t.same(values('[s]\nfoo = " bar "'), { s: { foo: [' bar '] } }, 'test_assignment_space_double_quote');
  t.same(values('[s]\nfoo = 1\nfoo = 2\n[s]\nfoo = 3'), { s: { foo: ['1', '2', '3'] } }, 'ConfigParser.assignment appends every occurrence');
  t.same(problemsOf('[s]\nfoo - bar'), ['cinder.conf:2: expected "key = value", got "foo - bar" (no "=" or ":")'], 'test_invalid_assignment');
  t.same(problemsOf('[s]\n: bar'), ['cinder.conf:2: empty option name in ": bar"'], 'test_empty_key');
  t.same(problemsOf('   baz'), ['cinder.conf:1: unexpected continuation line (a line starting with a space or tab continues the previous value): "   baz"'], 'test_unexpected_continuation');
  t.same(problemsOf('[s]\nfoo = bar0\n\n  bar1'), ['cinder.conf:4: unexpected continuation line (a line starting with a space or tab continues the previous value): "  bar1"'], 'test_assignment_multline_empty');
  t.same(problemsOf('[section'), ['cinder.conf:1: invalid section header "[section": expected it to end with "]"'], 'test_invalid_section');
  t.same(problemsOf('[]'), ['cinder.conf:1: empty section name in "[]"'], 'test_no_section_name');
});

t.test('lenient parsing (the reload client) never throws and reads assignments before a header as [DEFAULT]', async (t) => {
  const doc = parseIni('control_socket = /a\n[x\nbad\n[DEFAULT]\ncontrol_socket = /b\n', 'f', { lenient: true });
  t.equal(doc.sections.get('DEFAULT')?.values.get('control_socket')?.value, '/b');
});
