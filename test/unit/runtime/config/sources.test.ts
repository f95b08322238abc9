// Files and directories as oslo.config reads them (cfg.ConfigOpts._parse_config_files, _ConfigDirAction,
// find_config_dirs): default files unless a --config-file is given, default directories unless a
// --config-dir is given, then the command line in its own order; `glob('*.conf')` skips hidden names.
import t from 'tap';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { listConfigFiles } from '../../../../runtime/config/sources.js';

t.test('--config-file and --config-dir are read in command-line order, interleaved', async (t) => {
  const dir = t.testdir({ 'a.conf': '', 'b.conf': '', d1: { '1.conf': '' }, d2: { '2.conf': '' } });
  const ordered = [
    { kind: 'dir' as const, path: join(dir, 'd2') }, { kind: 'file' as const, path: join(dir, 'b.conf') },
    { kind: 'dir' as const, path: join(dir, 'd1') }, { kind: 'file' as const, path: join(dir, 'a.conf') },
  ];
  t.same(await listConfigFiles({ ordered }), [join(dir, 'd2', '2.conf'), join(dir, 'b.conf'), join(dir, 'd1', '1.conf'), join(dir, 'a.conf')]);
});

t.test('default files unless a --config-file is given; default dirs (<file>.d) unless a --config-dir is given; defaults first', async (t) => {
  const dir = t.testdir({
    'cinder.conf': '', 'cinder.conf.d': { '10-x.conf': '', '20-y.conf': '' }, 'cli.conf': '', 'cli.d': { 'c.conf': '' },
  });
  const defaults = { defaultConfigFiles: [join(dir, 'cinder.conf'), join(dir, 'absent.conf')] };
  const d = (...names: string[]) => names.map((n) => join(dir, n));
  t.same(await listConfigFiles(defaults), d('cinder.conf', 'cinder.conf.d/10-x.conf', 'cinder.conf.d/20-y.conf'), 'nothing given: default file, then /etc/<project>/<project>.conf.d');
  t.same(await listConfigFiles({ ...defaults, ordered: [{ kind: 'dir', path: join(dir, 'cli.d') }] }), d('cinder.conf', 'cli.d/c.conf'),
    '--config-dir alone: the default files are still read, first');
  t.same(await listConfigFiles({ ...defaults, ordered: [{ kind: 'file', path: join(dir, 'cli.conf') }] }), d('cinder.conf.d/10-x.conf', 'cinder.conf.d/20-y.conf', 'cli.conf'),
    '--config-file alone: the default directory is still read, before it');
  t.same(await listConfigFiles({ ...defaults, ordered: [{ kind: 'file', path: join(dir, 'cli.conf') }, { kind: 'dir', path: join(dir, 'cli.d') }] }), d('cli.conf', 'cli.d/c.conf'));
  t.same(await listConfigFiles({ defaultConfigFiles: [join(dir, 'absent.conf')], defaultConfigDirs: [join(dir, 'cli.d'), join(dir, 'nodir')] }), d('cli.d/c.conf'),
    'explicit default dirs; missing ones skipped');
});

t.test("a directory's hidden files (an editor's lock, a dangling symlink) and other names are skipped; byte order", async (t) => {
  const dir = t.testdir({ 'conf.d': { 'b.conf': '', 'B.conf': '', '.hidden.conf': '', 'x.conf~': '', '#x.conf#': '', 'x.conf.swp': '', 'README': '' } });
  symlinkSync('someone@host.1234:1700000000', join(dir, 'conf.d', '.#cinder.conf'));
  t.same(await listConfigFiles({ configDirs: [join(dir, 'conf.d')] }), [join(dir, 'conf.d', 'B.conf'), join(dir, 'conf.d', 'b.conf')]);
});

t.test('a missing --config-dir is an error naming it', async (t) => {
  await t.rejects(listConfigFiles({ configDirs: ['/nonexistent/conf.d'] }), { message: '/nonexistent/conf.d: cannot read config directory: no such file or directory (ENOENT)' });
});
