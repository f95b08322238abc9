// The maintainer scripts under the real dpkg: install, a conffile-only upgrade, a code upgrade, remove, purge.
// dpkg runs with its own admin directory in a private mount namespace; the init tools are logging stubs.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { renderMaintainerScripts } from '../../../../generators/deb/index.js';
import { planPackage } from '../../../../generators/package-plan/plan.js';
import { manifestWith } from '../../../helpers/deb-sandbox.js';

const work = mkdtempSync(join(tmpdir(), 'rk-dpkg-'));
t.teardown(() => rmSync(work, { recursive: true, force: true }));

const plan = { ...planPackage(manifestWith({ rktest: { on_upgrade: 'restart', on_conffile_change: 'reload' } })), name: 'rktest' };
const scripts = renderMaintainerScripts(plan);

/** Builds rktest_<version>_all.deb shipping /srv/rktest/code.js (code) and /srv/rktest/app.conf (conffile). */
function buildDeb(version: string, code: string, conf: string): string {
  const root = join(work, `root-${version}`);
  mkdirSync(join(root, 'DEBIAN'), { recursive: true });
  mkdirSync(join(root, 'srv/rktest'), { recursive: true });
  writeFileSync(join(root, 'srv/rktest/code.js'), code);
  writeFileSync(join(root, 'srv/rktest/app.conf'), conf);
  const control = `Package: rktest\nVersion: ${version}\nArchitecture: all\nMaintainer: Test <test@example.org>\nDescription: reloadkit maintainer script test\n`;
  writeFileSync(join(root, 'DEBIAN/control'), control);
  writeFileSync(join(root, 'DEBIAN/conffiles'), '/srv/rktest/app.conf\n');
  writeFileSync(join(root, 'DEBIAN/md5sums'), `${createHash('md5').update(code).digest('hex')}  srv/rktest/code.js\n`);
  for (const script of scripts) {
    writeFileSync(join(root, script.path), script.content);
    chmodSync(join(root, script.path), 0o755);
  }
  const deb = join(work, `rktest_${version}_all.deb`);
  const build = spawnSync('dpkg-deb', ['--root-owner-group', '--build', root, deb], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`dpkg-deb --build failed: ${build.stderr}`);
  return deb;
}

const v1 = buildDeb('1.0.0', 'code 1\n', 'setting = 1\n');
const v2 = buildDeb('1.0.1', 'code 1\n', 'setting = 2\n');
const v3 = buildDeb('1.0.2', 'code 2\n', 'setting = 2\n');

const stubs = join(work, 'stubs');
mkdirSync(stubs);
for (const tool of ['deb-systemd-helper', 'deb-systemd-invoke', 'systemctl', 'invoke-rc.d', 'update-rc.d']) {
  writeFileSync(
    join(stubs, tool),
    `#!/bin/sh\n{ printf '%s' '${tool}'; for a in "$@"; do printf ' %s' "$a"; done; printf '\\n'; } >> '${work}/calls'\nexit 0\n`,
    { mode: 0o755 },
  );
}

const steps: [string, string[]][] = [
  ['install 1.0.0', ['-i', v1]],
  ['conffile-only upgrade to 1.0.1', ['-i', v2]],
  ['code upgrade to 1.0.2', ['-i', v3]],
  ['remove', ['--remove', 'rktest']],
  ['purge', ['--purge', 'rktest']],
];
const admin = join(work, 'admin');
const runner = `set -e
for d in /run /srv /var/lib /var/log; do mount -t tmpfs reloadkit-test $d; done
mkdir -p /run/systemd/system '${admin}/info' '${admin}/updates' '${admin}/triggers'
touch '${admin}/status' '${admin}/available'
${steps
  .map(
    ([label, args]) => `echo '== ${label}' >> '${work}/calls'
PATH='${stubs}':/usr/sbin:/usr/bin:/sbin:/bin dpkg --admindir='${admin}' --force-unsafe-io ${args.map((a) => `'${a}'`).join(' ')} >> '${work}/dpkg.log' 2>&1
echo "files: $(ls /var/lib/reloadkit 2>/dev/null)" >> '${work}/calls'`,
  )
  .join('\n')}
`;

t.test('dpkg runs the scripts so that a conffile-only upgrade reloads and a code upgrade restarts', async (t) => {
  const run = spawnSync('unshare', ['--mount', '--map-root-user', '--propagation', 'private', 'sh', '-c', runner], {
    encoding: 'utf8',
  });
  const log = (() => {
    try {
      return readFileSync(join(work, 'dpkg.log'), 'utf8');
    } catch {
      return '';
    }
  })();
  t.equal(run.status, 0, 'dpkg runs every step (needs unshare --mount --map-root-user and dpkg)', {
    output: `${run.stderr}\n${log}`,
  });
  const calls = readFileSync(join(work, 'calls'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('==') || line.startsWith('files:') || / (start|restart|reload|stop|purge) /.test(line));
  t.strictSame(calls, [
    '== install 1.0.0',
    'deb-systemd-invoke start rktest.service',
    'files: ',
    '== conffile-only upgrade to 1.0.1',
    'deb-systemd-invoke reload rktest.service',
    'files: ',
    '== code upgrade to 1.0.2',
    'deb-systemd-invoke restart rktest.service',
    'files: ',
    '== remove',
    'deb-systemd-invoke stop rktest.service',
    'files: ',
    '== purge',
    'deb-systemd-helper purge rktest.service',
    'files: ',
  ]);
});
