// The CLI: files written as installed with their modes, exit codes, and the messages users see.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { runCli } from '../../../../generators/cli/program.js';
import { targets } from '../../../../generators/registry.js';

const cinder = fileURLToPath(new URL('../../../../examples/cinder/reloadkit.yaml', import.meta.url));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const status = await runCli(args, { out: (text) => (out += text), err: (text) => (err += text) });
  return { status, out, err };
}

function temporaryDirectory(test: { teardown: (fn: () => void) => void }): string {
  const directory = mkdtempSync(join(tmpdir(), 'reloadkit-cli-'));
  test.teardown(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}

t.test('generate writes the files as installed, with their modes', async (t) => {
  const out = temporaryDirectory(t);
  const result = await cli('generate', cinder, '--target', 'systemd', '--target', 'sysv', '--systemd-version', '257', '--out', out);
  t.equal(result.status, 0, result.err);
  t.match(readFileSync(join(out, 'lib/systemd/system/cinder-volume.service'), 'utf8'), /^Type=notify-reload$/m);
  t.equal(statSync(join(out, 'etc/init.d/cinder-api')).mode & 0o777, 0o755);
  t.equal(statSync(join(out, 'lib/systemd/system/cinder-api.service')).mode & 0o777, 0o644);
  t.equal(result.out.split('\n').filter(Boolean).length, 6, 'one line per file written');
});

t.test('--target all writes each target under its own directory', async (t) => {
  const out = temporaryDirectory(t);
  t.equal((await cli('generate', cinder, '--target', 'all', '--out', out)).status, 0);
  for (const path of ['systemd/lib/systemd/system/cinder-volume.service', 'sysv/etc/init.d/cinder-volume', 'openrc/etc/conf.d/cinder-volume', 'runit/etc/sv/cinder-api/control/h', 'logrotate/etc/logrotate.d/cinder']) {
    t.ok(existsSync(join(out, path)), path);
  }
  for (const target of targets) {
    t.ok(existsSync(join(out, target.name)), `${target.name}/ is written`);
  }
});

t.test('invalid input exits 2 with the message, writing nothing', async (t) => {
  const out = temporaryDirectory(t);
  t.same(await cli('generate', cinder, '--target', 'upstart', '--out', out), {
    status: 2,
    out: '',
    err: `reloadkit: --target: unknown target "upstart"; expected one of ${targets.map((target) => target.name).join(', ')}, all\n`,
  });
  t.same(await cli('generate', '/nonexistent.yaml', '--target', 'systemd', '--out', out), {
    status: 2,
    out: '',
    err: "reloadkit: cannot read manifest /nonexistent.yaml: ENOENT: no such file or directory, open '/nonexistent.yaml'\n",
  });
  const collision = await cli('generate', cinder, '-t', 'sysv', '-t', 'openrc', '--out', out);
  t.equal(collision.status, 2);
  t.equal(collision.err, 'reloadkit: --target: sysv and openrc both write etc/init.d/cinder-volume; generate them into separate --out directories or use --target all\n');
  t.equal((await cli('generate', cinder, '--out', out)).status, 2, 'no --target');
  const version = await cli('generate', cinder, '-t', 'systemd', '--systemd-version', 'new', '--out', out);
  t.equal(version.status, 2);
  t.match(version.err, `error: option '--systemd-version <n>' argument 'new' is invalid. expected a systemd version number such as 252 or 257, got "new"`);
  t.same(readdirSync(out), [], 'nothing was written');
});

t.test('a manifest error exits 2 with located messages', async (t) => {
  const directory = temporaryDirectory(t);
  const manifest = join(directory, 'reloadkit.yaml');
  const text = readFileSync(cinder, 'utf8').replace('    stop_timeout: 90\n', '    stop_timeout: 30\n');
  writeFileSync(manifest, text);
  const line = text.split('\n').indexOf('    stop_timeout: 30') + 1;
  const result = await cli('generate', manifest, '-t', 'systemd', '-o', join(directory, 'out'));
  t.equal(result.status, 2);
  t.equal(
    result.err,
    `reloadkit: ${manifest}:${line}: services[0].stop_timeout: expected at least drain_timeout (60) so a stop can drain in-flight work, got 30 (number)\n`,
  );
  t.notOk(existsSync(join(directory, 'out')), 'nothing was written');
});

t.test('schema, targets and --help exit 0', async (t) => {
  const schema = await cli('schema');
  t.equal(schema.status, 0);
  t.equal(JSON.parse(schema.out).title, 'reloadkit.yaml');
  const listing = await cli('targets');
  t.match(listing.out, /^systemd +systemd service units/m);
  t.match(listing.out, /^logrotate +/m);
  t.equal(
    listing.out,
    targets.map((target) => `${target.name.padEnd(10)} ${target.description}\n`).join(''),
    'one line per registered target, in registry order',
  );
  for (const args of [['--help'], ['generate', '--help'], ['schema', '--help'], ['targets', '--help']]) {
    const help = await cli(...args);
    t.equal(help.status, 0, args.join(' '));
    t.match(help.out, /^Usage: reloadkit/);
  }
  const generateHelp = await cli('generate', '--help');
  t.match(generateHelp.out.replace(/\s+/g, ' '), `one of ${targets.map((target) => target.name).join(', ')}`, 'generate --help names every registered target');
});
