import t from 'tap';
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
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
  await t.rejects(loadConfig({ configFiles: [dir] }, schema), { message: `${dir}: cannot read config file: is a directory, expected a regular file` });
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

t.test('a FIFO or a device anywhere a file or directory is read is refused saying what it is, never read', async (t) => {
  const dir = t.testdir({ 'ok.conf': '[DEFAULT]\n', 'conf.d': { '10-ok.conf': '[DEFAULT]\n' }, 'defaults': {} });
  const fifo = join(dir, 'fifo.conf');
  execFileSync('mkfifo', [fifo, join(dir, 'conf.d', '20-fifo.conf'), join(dir, 'fifo.d')]);
  symlinkSync('/dev/zero', join(dir, 'conf.d', '30-zero.conf'));
  await t.rejects(loadConfig({ configFiles: [fifo] }, schema), { message: `${fifo}: cannot read config file: is a FIFO (named pipe), expected a regular file` });
  await t.rejects(loadConfig({ configDirs: [join(dir, 'conf.d')] }, schema), {
    message: [
      `${join(dir, 'conf.d', '20-fifo.conf')}: cannot read config file: is a FIFO (named pipe), expected a regular file`,
      `${join(dir, 'conf.d', '30-zero.conf')}: cannot read config file: is a character device, expected a regular file (a symbolic link to /dev/zero)`,
    ].join('\n'),
  });
  await t.rejects(loadConfig({ configDirs: [join(dir, 'fifo.d')] }, schema), { message: `${join(dir, 'fifo.d')}: cannot read config directory: is a FIFO (named pipe), expected a directory` });
  await t.rejects(loadConfig({ configDirs: [join(dir, 'ok.conf')] }, schema), { message: `${join(dir, 'ok.conf')}: cannot read config directory: is a regular file, expected a directory` });
  // A default path that exists but is of the wrong kind is refused, not skipped as if it were missing.
  await t.rejects(loadConfig({ defaultConfigFiles: [fifo], defaultConfigDirs: [] }, schema), { message: `${fifo}: cannot read config file: is a FIFO (named pipe), expected a regular file` });
  await t.rejects(loadConfig({ defaultConfigFiles: [], defaultConfigDirs: [join(dir, 'fifo.d')] }, schema), { message: /is a FIFO \(named pipe\), expected a directory$/ });
});

t.test('a read that does not return within the deadline fails the load naming the file; the other files are still read', async (t) => {
  const dir = t.testdir({ 'a.conf': '[DEFAULT\n', 'hung.conf': '' });
  const hung = join(dir, 'hung.conf');
  const never = new Promise<Buffer>(() => undefined);
  const readFile = async (path: string) => (path === hung ? never : Buffer.from('[DEFAULT\n'));
  await t.rejects(loadConfig({ configFiles: [join(dir, 'a.conf'), hung] }, schema, { readDeadlineMs: 20, readFile }), {
    message: [
      `${join(dir, 'a.conf')}:1: invalid section header "[DEFAULT": expected it to end with "]"`,
      `${hung}: cannot read config file: not read within 0.02 s: abandoned (is its file system answering?); nothing of it is used`,
    ].join('\n'),
  });
});

t.test('a file above 16 MiB is refused by the loader before it is read', async (t) => {
  const dir = t.testdir({});
  const big = join(dir, 'big.conf');
  writeFileSync(big, '');
  execFileSync('truncate', ['-s', '17M', big]);
  await t.rejects(loadConfig({ configFiles: [big] }, schema), { message: `${big}: cannot read config file: is ${17 * 1024 * 1024} bytes, more than the 16 MiB a config file may have` });
});
