import t from 'tap';
import { runPackagingCli, type CliOutput } from '../../../packaging/cli.js';

function capture(): CliOutput & { stdout: string; stderr: string } {
  const buffers = { stdout: '', stderr: '' };
  return Object.assign(buffers, { out: (s: string) => void (buffers.stdout += s), err: (s: string) => void (buffers.stderr += s) });
}

t.test('--help describes the command and its options, exit 0', async (t) => {
  const io = capture();
  t.equal(await runPackagingCli(['--help'], io), 0);
  t.match(io.stdout, 'Usage: packages [options]');
  t.match(io.stdout, 'Build the .deb and .rpm packages of the cinder example');
  t.match(io.stdout, /-f, --format <format>\s+deb, rpm or all \(repeatable\)/);
});

t.test('an unknown format is a usage error naming the known ones, exit 2', async (t) => {
  const io = capture();
  t.equal(await runPackagingCli(['--format', 'apk'], io), 2);
  t.equal(io.stderr, `error: option '-f, --format <format>' argument 'apk' is invalid. expected one of deb, rpm, all, got "apk"\n`);
});

t.test('a build that cannot find the compiled code says which package, where, and what to run, exit 1', async (t) => {
  const io = capture();
  const missing = `${t.testdir()}/no-build`;
  t.equal(await runPackagingCli(['--format', 'deb', '--build-dir', missing, '--out', `${t.testdir()}/dist`], io), 1);
  t.equal(
    io.stderr,
    `packages: cannot plan the deb packages of cinder: cannot read compiled code in ${missing}/runtime: ` +
      `ENOENT: no such file or directory, scandir '${missing}/runtime' (run \`npm run build\` first)\n`,
  );
  t.equal(io.stdout, '');
});
