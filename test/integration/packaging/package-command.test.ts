// `reloadkit package` on a manifest that is not the cinder example: the tinyd fixture, one package holding
// everything. Its .deb passes lintian and its .rpm rpmlint, a rebuild gives the same bytes, progress goes to stderr,
// and a package name an archive already uses is warned about.
import t from 'tap';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../generators/cli/program.js';
import { runTool } from '../../../packaging/run-tool.js';

t.setTimeout(300_000);

const fixture = fileURLToPath(new URL('../../fixtures/packaging/tinyd', import.meta.url));
const manifest = join(fixture, 'reloadkit.yaml');
const work = await mkdtemp(join(tmpdir(), 'packaging-command-'));
t.teardown(() => rm(work, { recursive: true, force: true }));

// An apt-cache that knows the fixture's name, as Debian's knows cinder-common: the warning must reach the user.
const stubDir = join(work, 'bin');
await runTool('mkdir', ['-p', stubDir]);
await writeFile(
  join(stubDir, 'apt-cache'),
  [
    '#!/bin/sh',
    '[ "$2" = reloadkit-fixture-tinyd ] || exit 0',
    'echo "$2:"',
    'echo "  Installed: (none)"',
    'echo "  Candidate: 9.9-1"',
    'echo "  Version table:"',
    'echo "     9.9-1 500"',
    'echo "        500 http://archive.example.org/debian stable/main amd64 Packages"',
    '',
  ].join('\n'),
);
await chmod(join(stubDir, 'apt-cache'), 0o755);

async function packageFixture(out: string, ...extra: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['package', manifest, '--out', out, ...extra], {
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
  });
  return { status, stdout, stderr };
}

const savedPath = process.env.PATH;
process.env.PATH = `${stubDir}${delimiter}${savedPath ?? ''}`;
const first = await packageFixture(join(work, 'first'));
process.env.PATH = savedPath;
// At least one second apart, so that a timestamp leaking from the clock would show.
await new Promise((resolve) => setTimeout(resolve, 1100));
const second = await packageFixture(join(work, 'second'), '--no-check-names');
const written = first.stdout.trim().split('\n');

t.test('builds one .deb and one .rpm, printing their paths on stdout', async (t) => {
  t.equal(first.status, 0, first.stderr);
  t.same(written.map((p) => basename(p)), ['reloadkit-fixture-tinyd_0.3.0-2_all.deb', 'reloadkit-fixture-tinyd-0.3.0-2.noarch.rpm']);
});

t.test('progress and the archive-name warning go to stderr', async (t) => {
  const lines = first.stderr.trim().split('\n');
  t.same(lines.filter((line) => line.startsWith('reloadkit package: building ')), [
    'reloadkit package: building reloadkit-fixture-tinyd_0.3.0-2_all.deb',
    'reloadkit package: building reloadkit-fixture-tinyd-0.3.0-2.noarch.rpm',
  ]);
  t.ok(lines.includes('reloadkit package: checking the package names against the configured archives (apt-cache policy)'));
  t.match(first.stderr, 'warning: package name reloadkit-fixture-tinyd is also in the archive (9.9-1 from http://archive.example.org/debian stable/main amd64 Packages)');
  t.notMatch(second.stderr, 'warning:', '--no-check-names asks no archive');
});

t.test('the one package holds the code, config, docs, account and init files', async (t) => {
  const deb = written[0] as string;
  const paths = (await runTool('dpkg-deb', ['-c', deb])).stdout.split('\n').map((line) => line.split(/\s+/)[5]);
  for (const path of [
    './usr/bin/tinyd',
    './usr/share/reloadkit-fixture-tinyd/lib/main.js',
    './etc/tinyd/tinyd.conf',
    './usr/share/doc/reloadkit-fixture-tinyd/README.md',
    './usr/lib/sysusers.d/reloadkit-fixture-tinyd.conf',
    './lib/systemd/system/tinyd.service',
    './etc/init.d/tinyd',
    './var/lib/tinyd/',
  ]) {
    t.ok(paths.includes(path), path);
  }
  t.equal((await runTool('dpkg-deb', ['-I', deb, 'conffiles'])).stdout, '/etc/init.d/tinyd\n/etc/tinyd/tinyd.conf\n');
});

t.test('lintian accepts the .deb', async (t) => {
  const result = await runTool('lintian', ['--fail-on', 'error,warning', '--no-tag-display-limit', written[0] as string], { okExitCodes: [0, 1] });
  t.same(result.stdout.split('\n').filter((line) => /^[EW]: /.test(line)), [], 'no error or warning tags');
  t.equal(result.exitCode, 0, 'lintian exit code');
});

t.test('rpmlint accepts the .rpm with the configuration the manifest names', async (t) => {
  const config = join(fixture, 'packaging', 'rpmlint.toml');
  const result = await runTool('rpmlint', ['-c', config, written[1] as string], { okExitCodes: [0, 64, 66] });
  t.same(result.stdout.split('\n').filter((line) => /: [EW]: /.test(line)), [], 'no error or warning lines');
  t.match(result.stdout, '1 packages and 0 specfiles checked; 0 errors, 0 warnings');
});

t.test('a second run gives byte-identical packages', async (t) => {
  t.equal(second.status, 0, second.stderr);
  const again = second.stdout.trim().split('\n');
  t.same(again.map((p) => basename(p)), written.map((p) => basename(p)));
  for (const [index, path] of written.entries()) {
    const [a, b] = await Promise.all([readFile(path), readFile(again[index] as string)]);
    t.ok(a.equals(b), `${basename(path)}: ${a.length} bytes vs ${b.length} bytes`);
  }
});
