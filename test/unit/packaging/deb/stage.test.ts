import t from 'tap';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { gzipReproducibly, stageDebTree } from '../../../../packaging/deb/stage.js';
import { fixtureSpec } from '../../../helpers/packaging/spec-fixture.js';

t.test('stages contents, docs and DEBIAN/ with exact modes and the given timestamp', async (t) => {
  const root = join(t.testdir(), 'root');
  const postinst = '#!/bin/sh\nset -e\nexit 0\n';
  await stageDebTree(fixtureSpec({ debScripts: { postinst }, lintianOverrides: '# reason\ntag\n' }), root, 1_700_000_000);
  const mode = async (p: string) => ((await stat(join(root, p))).mode & 0o7777).toString(8);
  t.equal(await mode('usr/bin/demo-tool'), '755');
  t.equal(await mode('etc/demo/demo.conf'), '640');
  t.equal(await mode('var/lib/demo'), '750');
  t.equal(await mode('DEBIAN/postinst'), '755');
  t.equal((await stat(join(root, 'usr/share/demo/main.js'))).mtimeMs, 1_700_000_000_000);
  t.equal(await readFile(join(root, 'DEBIAN/conffiles'), 'utf8'), '/etc/demo/demo.conf\n');
  const md5sums = await readFile(join(root, 'DEBIAN/md5sums'), 'utf8');
  t.match(md5sums, /^[0-9a-f]{32} {2}usr\/bin\/demo-tool$/m);
  t.notMatch(md5sums, /etc\/demo/, 'conffiles are not in md5sums (as dh_md5sums)');
  t.equal(await readFile(join(root, 'usr/share/lintian/overrides/demo-tool'), 'utf8'), '# reason\ntag\n');
  const changelog = gunzipSync(await readFile(join(root, 'usr/share/doc/demo-tool/changelog.Debian.gz'))).toString();
  t.match(changelog, /^demo \(1\.2\.0-3\) unstable; urgency=medium/);
});

t.test('a path that is not absolute or climbs out is refused', async (t) => {
  const spec = fixtureSpec({ entries: [{ kind: 'file', path: '/usr/../etc/passwd', mode: 0o644, content: '' }] });
  await t.rejects(stageDebTree(spec, join(t.testdir(), 'root'), 0), {
    message: 'demo-tool: entry path: expected an absolute path without "..", got "/usr/../etc/passwd"',
  });
});

t.test('gzip output has no timestamp and the header of gzip -9n', async (t) => {
  const gz = gzipReproducibly('text');
  t.equal(gz.readUInt32LE(4), 0, 'MTIME');
  t.equal(gz[8], 2, 'XFL = maximum compression');
  t.equal(gz[9], 3, 'OS = Unix');
});
