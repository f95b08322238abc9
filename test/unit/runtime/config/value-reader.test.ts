// oslo.config's own cases (oslo_config/tests/test_cfg.py: TemplateSubstitutionTestCase, the MultiStrOpt
// cases, types' empty values) restated with oslo's expected results.
import t from 'tap';
import { ConfigError } from '../../../../runtime/config/errors.js';
import { parseIni } from '../../../../runtime/config/ini-parser.js';
import { opt } from '../../../../runtime/config/options.js';
import { resolveConfig } from '../../../../runtime/config/resolve.js';
import { buildConfigSchema, type OptionsDeclaration } from '../../../../runtime/config/schema.js';

/** Resolves `[name, text]` files against a declaration. */
function load(declared: OptionsDeclaration, ...files: Array<[string, string]>) {
  return resolveConfig(files.map(([name, text]) => parseIni(text, name)), buildConfigSchema('svc', declared), files.map(([n]) => n));
}

/** The messages resolving throws. */
function problems(declared: OptionsDeclaration, ...files: Array<[string, string]>): string[] {
  try {
    load(declared, ...files);
  } catch (error) {
    if (error instanceof ConfigError) return error.all().map((e) => e.message);
    throw error;
  }
  return ['(no error)'];
}

const strs = (foo?: string, bar?: string): OptionsDeclaration => ({ DEFAULT: { foo: opt.string({ default: foo }), bar: opt.string({ default: bar }) } });

t.test('TemplateSubstitutionTestCase: str from default, recursion, config file', async (t) => {
  t.equal(load(strs('blaa', '$foo')).get('DEFAULT', 'bar'), 'blaa', 'test_str_sub_default_from_default');
  t.equal(load({ DEFAULT: { blaa: opt.string({ default: 'blaa' }), ...strs('$blaa', '$foo').DEFAULT } }).get('DEFAULT', 'bar'), 'blaa', 'test_str_sub_default_from_default_recurse');
  t.equal(load(strs(undefined, '$foo'), ['test', '[DEFAULT]\nfoo = blaa\n']).get('DEFAULT', 'bar'), 'blaa', 'test_str_sub_default_from_config_file');
  t.equal(load(strs('blaa'), ['test', '[DEFAULT]\nbar = $foo\n']).get('DEFAULT', 'bar'), 'blaa', 'test_str_sub_config_file_from_default');
  t.equal(load(strs(), ['test', '[DEFAULT]\nbar = $foo\nfoo = blaa\n']).get('DEFAULT', 'bar'), 'blaa', 'test_str_sub_config_file_from_config_file');
});

t.test('TemplateSubstitutionTestCase: $$ and \\$ escapes', async (t) => {
  t.equal(load(strs(), ['test', '[DEFAULT]\nbar=foo-somethin$$k2\n']).get('DEFAULT', 'bar'), 'foo-somethin$k2', 'test_str_sub_with_dollar_escape_char');
  t.equal(load(strs(), ['test', '[DEFAULT]\nbar=foo-somethin\\$k2\n']).get('DEFAULT', 'bar'), 'foo-somethin$k2', 'test_str_sub_with_backslash_escape_char');
  t.equal(load(strs(), ['test', '[DEFAULT]\nbar = pa$$w0rd\n']).get('DEFAULT', 'bar'), 'pa$w0rd', 'a password with oslo\'s escape reaches the driver with one dollar');
  t.equal(load(strs(), ['test', '[DEFAULT]\nbar = cost: 5$ or ${1}\n']).get('DEFAULT', 'bar'), 'cost: 5$ or ${1}', 'a $ that starts no name is kept (safe_substitute)');
});

t.test('TemplateSubstitutionTestCase: typed after substitution (test_sub_*_int), groups from DEFAULT', async (t) => {
  const strInt = (foo?: string): OptionsDeclaration => ({ DEFAULT: { foo: opt.string({ default: foo }), bar: opt.int() } });
  t.equal(load(strInt('123'), ['test', '[DEFAULT]\nbar = $foo\n']).get('DEFAULT', 'bar'), 123, 'test_sub_config_file_from_default');
  t.equal(load(strInt(), ['test', '[DEFAULT]\nbar = $foo\nfoo = 123\n']).get('DEFAULT', 'bar'), 123, 'test_sub_config_file_from_config_file');
  const group: OptionsDeclaration = { DEFAULT: { foo: opt.string({ default: 'blaa' }) }, sections: { ba: { r: opt.string({ default: '$foo' }) } } };
  t.equal(load(group).get('ba', 'r'), 'blaa', 'test_str_sub_group_from_default: own section, then [DEFAULT]');
  t.same(problems(strInt(), ['test', '[DEFAULT]\nfoo = 12x\nbar = $foo\n']), ['test:3: [DEFAULT] bar: expected an integer, got "12x" (from "$foo")']);
});

t.test('$group.opt and ${group.opt}, own section before [DEFAULT], unset is empty', async (t) => {
  const declared: OptionsDeclaration = {
    DEFAULT: { state_path: opt.string({ default: '/var/lib/cinder' }), my_ip: opt.string(), name: opt.string({ default: 'default-name' }) },
    sections: { lvm: { name: opt.string({ default: 'lvm-name' }), volumes_dir: opt.string(), target: opt.string(), label: opt.string(), nothing: opt.string() } },
  };
  const config = load(declared, ['cinder.conf', [
    '[DEFAULT]', 'my_ip = 10.0.0.5', 'state_path = /srv/cinder', '[LVM]',
    'volumes_dir = $state_path/volumes', 'target = ${my_ip}:3260', 'label = $name/${DEFAULT.name}/$lvm.name', 'nothing = [$lvm.volumes_dir]',
  ].join('\n')]);
  t.equal(config.get('lvm', 'volumes_dir'), '/srv/cinder/volumes', '[LVM] is section lvm (oslo lower-cases names other than DEFAULT)');
  t.equal(config.get('lvm', 'target'), '10.0.0.5:3260');
  t.equal(config.get('lvm', 'label'), 'lvm-name/default-name/lvm-name');
  t.equal(config.get('lvm', 'nothing'), '[/srv/cinder/volumes]');
  t.equal(load(declared, ['c', '[lvm]\nlabel = <$my_ip>\n']).get('lvm', 'label'), '<>', 'an unset option substitutes as empty');
});

t.test('a reference to an option or section nobody declared is refused with file:line; so is a loop', async (t) => {
  t.same(problems(strs(), ['cinder.conf', '[DEFAULT]\nfoo = x\nbar = $nope/x\n']), [
    'cinder.conf:3: [DEFAULT] bar: cannot substitute $nope: no option nope is declared in [DEFAULT]',
  ]);
  t.same(problems({ sections: { s: { a: opt.string() } } }, ['cinder.conf', '[s]\na = ${other.x}\n']), [
    'cinder.conf:2: [s] a: cannot substitute $other.x: no section [other] declares options (sections: DEFAULT, oslo_messaging_notifications, s)',
  ]);
  t.same(problems({ sections: { s: { a: opt.string() } } }, ['cinder.conf', '[s]\na = $b\n']), [
    'cinder.conf:2: [s] a: cannot substitute $b: no option b is declared in [s] or [DEFAULT]',
  ]);
  t.same(problems(strs(), ['cinder.conf', '[DEFAULT]\nfoo = $bar\nbar = $foo\n']), [
    'cinder.conf:3: [DEFAULT] bar: cannot substitute $foo: substitution loop: [DEFAULT] foo -> [DEFAULT] bar -> [DEFAULT] foo',
    'cinder.conf:2: [DEFAULT] foo: cannot substitute $bar: substitution loop: [DEFAULT] bar -> [DEFAULT] foo -> [DEFAULT] bar',
  ]);
});

t.test('MultiStrOpt: every occurrence over lines and files, in reading order (test_conf_file_multistr_values_append)', async (t) => {
  const declared: OptionsDeclaration = { DEFAULT: { foo: opt.multiString() } };
  t.same(load(declared, ['1', '[DEFAULT]\nfoo = bar1\n'], ['2', '[DEFAULT]\nfoo = bar2\nfoo = bar3\n']).get('DEFAULT', 'foo'), ['bar1', 'bar2', 'bar3']);
  t.same(load(declared, ['test', '[DEFAULT]\nfoo = bar\n']).get('DEFAULT', 'foo'), ['bar'], 'test_conf_file_multistr_value');
  t.same(load(declared).get('DEFAULT', 'foo'), [], 'unset: an empty list');
  const ints: OptionsDeclaration = { DEFAULT: { p: opt.int({ multi: true }), base: opt.string({ default: '7' }) } };
  t.same(load(ints, ['a', '[DEFAULT]\np = 1\np = $base\n'], ['b', '[DEFAULT]\np = 3\n']).get('DEFAULT', 'p'), [1, 7, 3], 'each item substituted, then typed');
  t.same(problems(ints, ['a', '[DEFAULT]\np = 1\np = $$2\n']), ['a:3: [DEFAULT] p: expected an integer, got "$2" (from "$$2")'], 'each item located');
});

t.test('a single-valued option written twice: the last occurrence wins (oslo values[-1])', async (t) => {
  t.equal(load(strs(), ['a', '[DEFAULT]\nfoo = 1\nfoo = 2\n'], ['b', '[DEFAULT]\nbar = x\n']).get('DEFAULT', 'foo'), '2');
  t.equal(load(strs(), ['a', '[DEFAULT]\nfoo = 1\n'], ['b', '[DEFAULT]\nfoo = 3\nfoo = 4\n']).get('DEFAULT', 'foo'), '4');
});

t.test('empty values: Integer/Float/Port read as unset (None), String stays "", Boolean is an error (types.py)', async (t) => {
  const declared: OptionsDeclaration = {
    DEFAULT: { workers: opt.int({ default: 4 }), ratio: opt.float(), port: opt.port(), name: opt.string({ default: 'x' }), flag: opt.bool() },
  };
  const config = load(declared, ['c', '[DEFAULT]\nworkers =\nratio =\nport =\nname =\n']);
  t.same([config.get('DEFAULT', 'workers'), config.get('DEFAULT', 'ratio'), config.get('DEFAULT', 'port'), config.get('DEFAULT', 'name')], [undefined, undefined, undefined, '']);
  t.same(problems(declared, ['c', '[DEFAULT]\nflag =\n']), ['c:2: [DEFAULT] flag: expected a boolean (true/false, yes/no, on/off, 1/0), got ""']);
  t.same(problems({ DEFAULT: { w: opt.int({ required: true }) } }, ['c', '[DEFAULT]\nw =\n']), ['c:2: [DEFAULT] w: required option is missing (its value is empty)']);
});
