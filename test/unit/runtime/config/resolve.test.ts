import t from 'tap';
import { ConfigError } from '../../../../runtime/config/errors.js';
import { parseIni } from '../../../../runtime/config/ini-parser.js';
import { resolveConfig } from '../../../../runtime/config/resolve.js';
import { buildConfigSchema } from '../../../../runtime/config/schema.js';
import { opt } from '../../../../runtime/config/options.js';

const schema = buildConfigSchema('cinder-volume', {
  DEFAULT: { enabled_backends: opt.list({ default: [], mutable: true }), workers: opt.int({ min: 1, default: 1 }) },
  sections: { scheduler: { policy: opt.choice({ choices: ['spread', 'pack'], default: 'spread' }), key: opt.string({ required: true }) } },
  sectionTemplates: [{ namesFrom: 'enabled_backends', options: { san_ip: opt.string({ required: true }), san_port: opt.port({ required: true, mutable: true }) } }],
});

/** Resolves files given as [name, text] pairs. */
function resolve(...files: Array<[string, string]>) {
  return resolveConfig(files.map(([name, text]) => parseIni(text, name)), schema, files.map(([name]) => name));
}

/** The same in strict mode (`check-config --strict`). */
function resolveStrict(...files: Array<[string, string]>) {
  return resolveConfig(files.map(([name, text]) => parseIni(text, name)), schema, files.map(([name]) => name), { strict: true });
}

/** The user-visible messages of the ConfigError that resolving throws. */
function problemsOf(...files: Array<[string, string]>): string[] {
  return problemsWith(resolve, ...files);
}

/** The user-visible messages of the ConfigError that `how` throws. */
function problemsWith(how: typeof resolve, ...files: Array<[string, string]>): string[] {
  try {
    how(...files);
  } catch (error) {
    if (error instanceof ConfigError) return error.all().map((e) => e.message);
    throw error;
  }
  return ['(no error)'];
}

const SCHEDULER = '[scheduler]\nkey = k\n';

t.test('types values, fills in defaults, names templated sections, records sources', async (t) => {
  const config = resolve(['cinder.conf', `[DEFAULT]\nenabled_backends = a\n${SCHEDULER}[a]\nsan_ip = 10.0.0.1\nsan_port = 3260\n`]);
  t.same(config.sections(), ['DEFAULT', 'oslo_messaging_notifications', 'scheduler', 'a'], 'the standard section first, then the declared ones');
  t.same(config.get('DEFAULT', 'enabled_backends'), ['a']);
  t.equal(config.get('DEFAULT', 'workers'), 1);
  t.equal(config.get('DEFAULT', 'reload_drain_timeout'), 60);
  t.equal(config.get('a', 'san_port'), 3260);
  t.equal(config.get('scheduler', 'policy'), 'spread');
  t.same(config.sourceOf('a', 'san_port'), { file: 'cinder.conf', line: 7 });
  t.equal(config.sourceOf('DEFAULT', 'workers'), undefined, 'defaults have no source');
});

t.test('a later file wins option by option', async (t) => {
  const config = resolve(
    ['cinder.conf', `[DEFAULT]\nenabled_backends = a\nworkers = 2\n${SCHEDULER}[a]\nsan_ip = 10.0.0.1\nsan_port = 1\n`],
    ['override.conf', '[a]\nsan_port = 2\n'],
  );
  t.equal(config.get('a', 'san_port'), 2);
  t.equal(config.get('a', 'san_ip'), '10.0.0.1');
  t.equal(config.get('DEFAULT', 'workers'), 2);
  t.same(config.sourceOf('a', 'san_port'), { file: 'override.conf', line: 2 });
});

t.test('an invalid value names file:line, section, option, what was expected and what was received', async (t) => {
  t.same(problemsOf(['cinder.conf', `[DEFAULT]\nenabled_backends = backend_a\n${SCHEDULER}[backend_a]\nsan_ip = h\nsan_port = 80x\n`]), [
    'cinder.conf:7: [backend_a] san_port: expected an integer from 1 to 65535, got "80x"',
  ]);
  try {
    resolve(['cinder.conf', `[DEFAULT]\nworkers = 0\n${SCHEDULER}`]);
  } catch (error) {
    const e = error as ConfigError;
    t.match(e, { file: 'cinder.conf', line: 2, section: 'DEFAULT', option: 'workers', value: '0' });
  }
});

t.test('strict mode: unknown sections and unknown options are errors naming file:line', async (t) => {
  const files: Array<[string, string]> = [['cinder.conf', `[DEFAULT]\nenabled_backends = a\nwrokers = 2\n${SCHEDULER}[a]\nsan_ip = h\nsan_port = 1\n[b]\nsan_ip = h\n`]];
  const expected = [
    'cinder.conf:3: [DEFAULT] wrokers: unknown option (options of this section: control_socket, notification_file, reload_drain_timeout, graceful_shutdown_timeout, reload_max_waiters, reload_max_draining_generations, debug, config_strict, metrics_listen, transport_url, control_exchange, enabled_backends, workers)',
    'cinder.conf:9: [b] unknown section (expected DEFAULT, oslo_messaging_notifications, scheduler, or a name listed in enabled_backends (now: a))',
  ];
  t.same(problemsWith(resolveStrict, ...files), expected);
  const [name, text] = files[0]!;
  t.same(problemsOf([name, `[DEFAULT]\nconfig_strict = true\n${text.replace('[DEFAULT]\n', '')}`]).map((m) => m.replace(/:\d+:/, ':N:')),
    expected.map((m) => m.replace(/:\d+:/, ':N:')), '[DEFAULT] config_strict = true does the same');
  t.same(problemsWith(resolveStrict, ['cinder.conf', `${SCHEDULER}pollicy = pack\n`]), [
    'cinder.conf:3: [scheduler] pollicy: unknown option (options of this section: policy, key)',
  ]);
});

t.test('by default unknown names are warnings with file:line, suggestions for near misses, notes for unlisted backends', async (t) => {
  const config = resolve(['cinder.conf', `[DEFAULT]\nenabled_backends = a\nwrokers = 2\nauth_strategy = keystone\n${SCHEDULER}[a]\nsan_ip = h\nsan_prot = 1\nsan_port = 1\n[b]\nsan_ip = h\n[database]\n# connection = mysql://\n[shceduler]\nx = 1\n[keystone_authtoken]\nauth_url = http://localhost:5000\n`]);
  t.same(config.warnings.map((w) => w.message), [
    'cinder.conf:3: [DEFAULT] wrokers: unknown option; did you mean workers?',
    'cinder.conf:4: [DEFAULT] auth_strategy: unknown option, ignored',
    'cinder.conf:9: [a] san_prot: unknown option; did you mean san_port?',
    'cinder.conf:11: [b] section not listed in enabled_backends (now: a), ignored; add it there to use it',
    'cinder.conf:15: [shceduler] unknown section; did you mean [scheduler]?',
    'cinder.conf:17: [keystone_authtoken] unknown section, ignored',
  ], 'the comment-only [database] produces nothing');
  t.match(config.warnings[2], { file: 'cinder.conf', line: 9, section: 'a', option: 'san_prot' });
  t.equal(config.get('a', 'san_port'), 1);
  t.equal(config.hasSection('b'), false);
});

t.test('missing required options: in a written section, in a listed but absent section, in an absent fixed section', async (t) => {
  t.same(problemsOf(['cinder.conf', `[DEFAULT]\nenabled_backends = a, b\n${SCHEDULER}[a]\nsan_ip = h\n`]), [
    'cinder.conf:5: [a] san_port: required option is missing',
    'cinder.conf:2: [b] san_ip: required option is missing (section [b] is listed in enabled_backends but no file has it)',
    'cinder.conf:2: [b] san_port: required option is missing (section [b] is listed in enabled_backends but no file has it)',
  ]);
  t.same(problemsOf(['cinder.conf', '[DEFAULT]\n']), ['[scheduler] key: required option is missing (no file has section [scheduler])']);
});

t.test('a listed section name that clashes with a fixed section is refused', async (t) => {
  t.same(problemsOf(['cinder.conf', `[DEFAULT]\nenabled_backends = scheduler\n${SCHEDULER}`]), [
    'cinder.conf:2: [DEFAULT] enabled_backends: section name "scheduler" is already used by another section; each name may appear once',
  ]);
});
