// The scriptlets under the real rpm: install, a config-only upgrade, a code upgrade, erase, in RPM's own order.
// rpm uses a private database in a private mount namespace; systemctl is a logging stub bound over the real one.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { planPackage } from '../../../../generators/package-plan/plan.js';
import { computeCodeDigest, renderSpecFragment } from '../../../../generators/rpm/index.js';
import { manifestWith } from '../../../helpers/deb-sandbox.js';

t.setTimeout(120_000);
const work = mkdtempSync(join(tmpdir(), 'rk-rpm-'));
t.teardown(() => rmSync(work, { recursive: true, force: true }));

const plan = { ...planPackage(manifestWith({ rktest: { on_upgrade: 'restart', on_conffile_change: 'reload' } })), name: 'rktest' };
const fragment = join(work, 'scriptlets.inc');
writeFileSync(fragment, renderSpecFragment(plan));

/** Builds rktest-<version>-1.noarch.rpm shipping /srv/rktest/code.js and the config file /srv/rktest/app.conf. */
function buildRpm(version: string, code: string, conf: string): string {
  const spec = join(work, `rktest-${version}.spec`);
  writeFileSync(
    spec,
    [
      `%global reloadkit_code_digest ${computeCodeDigest([{ path: '/srv/rktest/code.js', content: code }])}`,
      'Name: rktest',
      `Version: ${version}`,
      'Release: 1',
      'Summary: reloadkit scriptlet test',
      'License: Apache-2.0',
      'BuildArch: noarch',
      '%description',
      'reloadkit scriptlet test.',
      '%install',
      'mkdir -p %{buildroot}/srv/rktest',
      `printf '${code}' > %{buildroot}/srv/rktest/code.js`,
      `printf '${conf}' > %{buildroot}/srv/rktest/app.conf`,
      `%include ${fragment}`,
      '%files',
      '/srv/rktest/code.js',
      '%config(noreplace) /srv/rktest/app.conf',
      '',
    ].join('\n'),
  );
  const build = spawnSync('rpmbuild', ['-bb', '--nodeps', '--define', `_topdir ${join(work, 'rpmbuild')}`, spec], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`rpmbuild failed: ${build.stderr}`);
  return join(work, 'rpmbuild/RPMS/noarch', `rktest-${version}-1.noarch.rpm`);
}

const v1 = buildRpm('1.0.0', 'code 1\\n', 'setting = 1\\n');
const v2 = buildRpm('1.0.1', 'code 1\\n', 'setting = 2\\n');
const v3 = buildRpm('1.0.2', 'code 2\\n', 'setting = 2\\n');

const stub = join(work, 'systemctl');
writeFileSync(
  stub,
  `#!/bin/sh\n{ printf 'systemctl'; for a in "$@"; do printf ' %s' "$a"; done; printf '\\n'; } >> '${work}/calls'\nexit 0\n`,
  { mode: 0o755 },
);
const db = join(work, 'db');
mkdirSync(db);
const steps: [string, string[]][] = [
  ['install 1.0.0', ['-i', v1]],
  ['config-only upgrade to 1.0.1', ['-U', v2]],
  ['code upgrade to 1.0.2', ['-U', v3]],
  ['erase', ['-e', 'rktest']],
];
const runner = `set -e
for d in /run /srv /var/lib /var/log; do mount -t tmpfs reloadkit-test $d; done
mkdir -p /run/systemd/system
mount --bind '${stub}' "$(command -v systemctl)"
${steps
  .map(
    ([label, args]) => `echo '== ${label}' >> '${work}/calls'
rpm --dbpath='${db}' --nodeps ${args.map((a) => `'${a}'`).join(' ')} >> '${work}/rpm.log' 2>&1`,
  )
  .join('\n')}
`;

t.test('rpm runs the scriptlets so that no upgrade stops the service; config-only reloads, code restarts', async (t) => {
  const run = spawnSync('unshare', ['--mount', '--map-root-user', '--propagation', 'private', 'sh', '-c', runner], {
    encoding: 'utf8',
  });
  let log = '';
  try {
    log = readFileSync(join(work, 'rpm.log'), 'utf8');
  } catch {
    // no log: rpm never ran
  }
  t.equal(run.status, 0, 'rpm runs every step (needs unshare --mount --map-root-user, rpm, systemctl)', {
    output: `${run.stderr}\n${log}`,
  });
  t.strictSame(readFileSync(join(work, 'calls'), 'utf8').split('\n').filter(Boolean), [
    '== install 1.0.0',
    'systemctl --no-reload preset rktest.service',
    '== config-only upgrade to 1.0.1',
    'systemctl daemon-reload',
    'systemctl daemon-reload',
    'systemctl -q is-active rktest.service',
    'systemctl reload rktest.service',
    '== code upgrade to 1.0.2',
    'systemctl daemon-reload',
    'systemctl daemon-reload',
    'systemctl -q is-active rktest.service',
    'systemctl restart rktest.service',
    '== erase',
    'systemctl --no-reload disable rktest.service',
    'systemctl stop rktest.service',
    'systemctl daemon-reload',
  ]);
});
