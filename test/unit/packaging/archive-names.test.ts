// The archive name check: apt-cache policy output read right, a stub apt-cache's answer warned about, a missing one noted.
import t from 'tap';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeArchiveNames, findArchiveNames, parseAptPolicy } from '../../../packaging/archive-names.js';

// What Debian 12's apt-cache prints for the name the cinder example used to have.
const bookwormCinderCommon = [
  'cinder-common:',
  '  Installed: (none)',
  '  Candidate: 2:21.3.1-1~deb12u1',
  '  Version table:',
  '     2:21.3.1-1~deb12u1 500',
  '        500 http://archive.example.org/debian bookworm/main amd64 Packages',
  '        500 http://archive.example.org/debian-security bookworm-security/main amd64 Packages',
  '',
].join('\n');

// A package installed with dpkg -i and known to no archive.
const onlyInstalled = [
  'reloadkit-example-cinder-common:',
  '  Installed: 1.0.0-1',
  '  Candidate: 1.0.0-1',
  '  Version table:',
  ' *** 1.0.0-1 100',
  '        100 /var/lib/dpkg/status',
  '',
].join('\n');

t.test('a name an archive offers is found, with its candidate and sources', async (t) => {
  t.same(parseAptPolicy('cinder-common', bookwormCinderCommon), {
    name: 'cinder-common',
    candidate: '2:21.3.1-1~deb12u1',
    sources: [
      'http://archive.example.org/debian bookworm/main amd64 Packages',
      'http://archive.example.org/debian-security bookworm-security/main amd64 Packages',
    ],
  });
});

t.test('an unknown name (no output) and a name only dpkg knows are not archive names', async (t) => {
  t.equal(parseAptPolicy('reloadkit-example-cinder-common', ''), undefined);
  t.equal(parseAptPolicy('reloadkit-example-cinder-common', onlyInstalled), undefined);
});

t.test('asks apt-cache about each name and warns about those an archive uses', async (t) => {
  const dir = t.testdir({});
  const stub = join(dir, 'apt-cache');
  await writeFile(stub, `#!/bin/sh\n[ "$1" = policy ] || exit 2\n[ "$2" = cinder-common ] && cat <<'EOF'\n${bookwormCinderCommon}EOF\nexit 0\n`);
  await chmod(stub, 0o755);
  const check = await findArchiveNames(['reloadkit-example-cinder-common', 'cinder-common'], stub);
  t.same(describeArchiveNames(check), [
    'warning: package name cinder-common is also in the archive (2:21.3.1-1~deb12u1 from http://archive.example.org/debian ' +
      'bookworm/main amd64 Packages): apt may replace one with the other on upgrade; choose a name no archive uses ' +
      '(packages[].name), and declare conflicts for shared paths',
  ]);
});

t.test('without apt-cache the check is skipped, and the message says so', async (t) => {
  const missing = join(t.testdir({}), 'apt-cache');
  const check = await findArchiveNames(['x'], missing);
  t.same(check, { checked: false, reason: `${missing} is not installed` });
  t.same(describeArchiveNames(check), [`note: package names not checked against the distribution archives (${missing} is not installed)`]);
});
