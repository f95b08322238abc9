import t from 'tap';
import { join } from 'node:path';
import { listConfigFiles, loadConfig } from '../../../../runtime/config/loader.js';
import { ConfigError } from '../../../../runtime/config/errors.js';
import { createFakeService } from '../../../helpers/fake-drivers.js';

const { schema } = createFakeService().service;

t.test('--config-file order then --config-dir *.conf in lexical order; later wins', async (t) => {
  const dir = t.testdir({
    'main.conf': '[DEFAULT]\nenabled_backends = a\nlabel = main\n[a]\nsan_port = 1\n',
    'second.conf': '[DEFAULT]\nlabel = second\n',
    'conf.d': {
      '20-b.conf': '[DEFAULT]\nlabel = dir-20\n',
      '10-a.conf': '[DEFAULT]\nlabel = dir-10\n[a]\nsan_port = 10\n',
      'B-upper.conf': '[DEFAULT]\nlabel = upper\n',
      'ignored.conf.dpkg-old': 'not ini at all',
      'README': 'not ini at all',
    },
  });
  const sources = { configFiles: [join(dir, 'main.conf'), join(dir, 'second.conf')], configDirs: [join(dir, 'conf.d')] };
  t.same(await listConfigFiles(sources), [
    join(dir, 'main.conf'), join(dir, 'second.conf'),
    join(dir, 'conf.d', '10-a.conf'), join(dir, 'conf.d', '20-b.conf'), join(dir, 'conf.d', 'B-upper.conf'),
  ], 'byte order: digits before upper case');
  const config = await loadConfig(sources, schema);
  t.equal(config.get('DEFAULT', 'label'), 'upper');
  t.equal(config.get('a', 'san_port'), 10);
  t.same(config.sourceOf('a', 'san_port'), { file: join(dir, 'conf.d', '10-a.conf'), line: 4 });
  const filesOnly = await loadConfig({ configFiles: [join(dir, 'second.conf'), join(dir, 'main.conf')] }, schema);
  t.equal(filesOnly.get('DEFAULT', 'label'), 'main', 'the file given last wins');
});

t.test('a missing file, a missing directory and a directory given as a file are errors naming the path', async (t) => {
  const dir = t.testdir({ 'ok.conf': '[DEFAULT]\n' });
  const missing = join(dir, 'missing.conf');
  await t.rejects(loadConfig({ configFiles: [missing] }, schema), new ConfigError(`cannot read config file: no such file or directory (ENOENT)`, { file: missing }));
  await t.rejects(loadConfig({ configDirs: [join(dir, 'nodir')] }, schema), { message: `${join(dir, 'nodir')}: cannot read config directory: no such file or directory (ENOENT)` });
  await t.rejects(loadConfig({ configFiles: [dir] }, schema), { message: `${dir}: cannot read config file: is a directory, expected a file (EISDIR)` });
});

t.test('problems of every file are reported together: read errors and syntax errors', async (t) => {
  const dir = t.testdir({ 'a.conf': '[DEFAULT\n', 'b.conf': 'x\n' });
  const missing = join(dir, 'missing.conf');
  await t.rejects(loadConfig({ configFiles: [join(dir, 'a.conf'), missing, join(dir, 'b.conf')] }, schema), {
    message: [
      `${join(dir, 'a.conf')}:1: invalid section header "[DEFAULT": expected it to end with "]"`,
      `${missing}: cannot read config file: no such file or directory (ENOENT)`,
      `${join(dir, 'b.conf')}:1: expected "key = value", got "x" (no "=" or ":")`,
    ].join('\n'),
  });
});

t.test('default config files are used only without --config-file/--config-dir, and missing ones are skipped', async (t) => {
  const dir = t.testdir({ 'default.conf': '[DEFAULT]\nlabel = default\n' });
  const defaults = [join(dir, 'absent.conf'), join(dir, 'default.conf')];
  t.same(await listConfigFiles({ defaultConfigFiles: defaults }), [join(dir, 'default.conf')]);
  t.same(await listConfigFiles({ configDirs: [dir], defaultConfigFiles: [join(dir, 'x.conf')] }), [join(dir, 'default.conf')]);
  t.equal((await loadConfig({ defaultConfigFiles: defaults }, schema)).get('DEFAULT', 'label'), 'default');
  t.equal((await loadConfig({}, schema)).get('DEFAULT', 'label'), 'one', 'no files at all: every default applies');
});
