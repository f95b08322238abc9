import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { findDebianMirror, parseDeb822Mirror, parseSourcesListMirror } from '../debian-mirror.js';

const deb822 = `Types: deb
# a comment: http://example.invalid/ignored
URIs: http://mirror.example/debian
Suites: bookworm bookworm-updates
Components: main

Types: deb
URIs: http://mirror.example/debian-security
Suites: bookworm-security
Components: main
`;

t.test('deb822: the main archive stanza, not security', async (t) => {
  t.equal(parseDeb822Mirror(deb822), 'http://mirror.example/debian');
  t.equal(parseDeb822Mirror(deb822.split('\n\n')[1] ?? ''), undefined, 'security alone is no mirror');
  t.equal(parseDeb822Mirror('Types: deb-src\nURIs: http://src.example/debian\nSuites: bookworm\n'), undefined);
});

t.test('one-line sources.list, with and without options', async (t) => {
  t.equal(parseSourcesListMirror('deb http://a.example/debian-security bookworm-security main\ndeb [arch=amd64] http://a.example/debian bookworm main\n'), 'http://a.example/debian');
  t.equal(parseSourcesListMirror('# deb http://commented.example/debian bookworm main\n'), undefined);
});

t.test('RELOADKIT_DEBIAN_MIRROR wins; otherwise the first file that has one', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rk-mirror-'));
  const sources = join(dir, 'debian.sources');
  writeFileSync(sources, deb822);
  t.equal(findDebianMirror({ RELOADKIT_DEBIAN_MIRROR: 'http://env.example/debian' }, [sources]), 'http://env.example/debian');
  t.equal(findDebianMirror({}, [join(dir, 'missing.sources'), sources]), 'http://mirror.example/debian');
});

t.test('no mirror anywhere: says where it looked and what to set', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rk-mirror-'));
  const empty = join(dir, 'sources.list');
  writeFileSync(empty, '# nothing\n');
  t.throws(() => findDebianMirror({}, [empty]), {
    name: 'HarnessError',
    message:
      `cannot find a Debian mirror: none of ${empty} has a "deb" entry for the main archive; ` +
      'set RELOADKIT_DEBIAN_MIRROR to the archive URI the images should be built from',
  });
});
