// `reloadkit package`: its help, and the messages users see for bad options and layouts (no package is built here).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';
import { runCli } from '../../../../generators/cli/program.js';

t.setTimeout(120_000);

const fixture = fileURLToPath(new URL('../../../fixtures/packaging/tinyd', import.meta.url));

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const status = await runCli(args, { out: (text) => (out += text), err: (text) => (err += text) });
  return { status, out, err };
}

/** A copy of the tinyd fixture whose manifest `edit` changes; returns the manifest's path. */
function editedFixture(t: Test, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'reloadkit-package-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(fixture, dir, { recursive: true });
  const manifest = join(dir, 'reloadkit.yaml');
  writeFileSync(manifest, edit(readFileSync(manifest, 'utf8')));
  return manifest;
}

t.test('--help says what it builds, from what, and how', async (t) => {
  const result = await cli('package', '--help');
  t.equal(result.status, 0);
  // commander wraps at the terminal's width: compare with the lines joined
  const help = result.out.replace(/\s+/g, ' ');
  t.match(help, 'Usage: reloadkit package [options] <manifest>');
  t.match(help, 'build the binary packages the manifest declares (`packages`), with dpkg-deb and rpmbuild');
  t.match(help, '-f, --format <format> package format (repeatable): deb, rpm, all (default: all)');
  t.match(help, '-o, --out <dir> directory the packages are written to (default: "dist")');
  t.match(help, "--code-from <dir> directory the packages' code is read from");
  t.match(help, '--no-check-names do not ask apt-cache');
  t.match(help, 'SOURCE_DATE_EPOCH=1790000000 reloadkit package reloadkit.yaml');
  t.match(help, 'docs/manifest.md');
});

t.test('the top-level help lists package', async (t) => {
  t.match((await cli('--help')).out.replace(/\s+/g, ' '), 'package [options] <manifest> build the binary packages');
});

t.test('an unknown format is a usage error naming the known ones, exit 2', async (t) => {
  const result = await cli('package', join(fixture, 'reloadkit.yaml'), '--format', 'apk');
  t.equal(result.status, 2);
  t.match(result.err, `error: option '-f, --format <format>' argument 'apk' is invalid. expected one of deb, rpm, all, got "apk"`);
});

t.test('a file the layout names that does not exist is refused at its line, exit 2', async (t) => {
  const manifest = editedFixture(t, (text) => text.replace('source: etc/tinyd.conf', 'source: etc/missing.conf'));
  const result = await cli('package', manifest, '--out', join(manifest, '..', 'dist'), '--no-check-names');
  t.equal(result.status, 2);
  t.equal(
    result.err,
    `reloadkit: ${manifest}:45: packages[0].files[0].source: etc/missing.conf does not exist (expected a file relative to ${join(manifest, '..')})\n`,
  );
  t.equal(result.out, '');
});

t.test('a manifest without packages says what to add', async (t) => {
  const manifest = editedFixture(t, (text) => text.slice(0, text.indexOf('packages:')));
  const result = await cli('package', manifest, '--no-check-names');
  t.equal(result.status, 1);
  t.match(result.err, `reloadkit: ${manifest}: packages: expected a list of the binary packages to build`);
});
