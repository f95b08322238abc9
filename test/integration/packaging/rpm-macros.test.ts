// The reloadkit RPM macros: packaged in reloadkit-rpm-macros; a spec using them builds with rpmbuild; its
// scriptlets expand as documented; run in order with stub rpm and systemctl, they enable on install, reload on a
// config-only upgrade, restart on a code upgrade, and disable and stop on erase.
import t from 'tap';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { findMacrosFile, planRpmMacrosPackage } from '../../../packaging/rpm-macros/package.js';
import { rpmPackager } from '../../../packaging/rpm/packager.js';
import { runTool } from '../../../packaging/run-tool.js';

t.setTimeout(300_000);

const work = await mkdtemp(join(tmpdir(), 'packaging-rpm-macros-'));
t.teardown(() => rm(work, { recursive: true, force: true }));
const dirs = { state: join(work, 'state'), digest: join(work, 'digest'), booted: join(work, 'booted'), stubs: join(work, 'stubs') };


const demoSpec = `Name: demo
Version: 1.0
Release: 1
Summary: Demo service
License: Apache-2.0
BuildArch: noarch
%description
A demo service.
%install
mkdir -p %{buildroot}/etc/demo
echo x > %{buildroot}/etc/demo/demo.conf
%files
%config(noreplace) /etc/demo/demo.conf
%post
%reloadkit_post demo.service
%preun
%reloadkit_preun demo.service
%postun
%reloadkit_postun_with_reload demo.service
%posttrans
%reloadkit_posttrans -u restart -c reload demo.service
`;

await writeFile(join(work, 'demo.spec'), demoSpec);
await runTool('rpmbuild', [
  '-bb',
  '--load', findMacrosFile(),
  '--define', `_topdir ${join(work, 'top')}`,
  '--define', `_reloadkit_statedir ${dirs.state}`,
  '--define', `_reloadkit_digestdir ${dirs.digest}`,
  '--define', `_reloadkit_booted_dir ${dirs.booted}`,
  join(work, 'demo.spec'),
]);
const demoRpm = join(work, 'top', 'RPMS', 'noarch', 'demo-1.0-1.noarch.rpm');
const scriptlet = async (tag: string) => (await runTool('rpm', ['-qp', '--nosignature', '--qf', `%{${tag}}`, demoRpm])).stdout;
const scripts = { post: await scriptlet('POSTIN'), preun: await scriptlet('PREUN'), postun: await scriptlet('POSTUN'), posttrans: await scriptlet('POSTTRANS') };


// Stubs: rpm answers the file query from a file the test writes; systemctl logs and says every unit is active.
await mkdir(dirs.stubs, { recursive: true });
await mkdir(dirs.booted, { recursive: true });
const database = join(work, 'rpmdb.txt');
const log = join(work, 'systemctl.log');
await writeFile(join(dirs.stubs, 'rpm'), `#!/bin/sh\ncat ${database}\n`);
await writeFile(join(dirs.stubs, 'systemctl'), `#!/bin/sh\necho "$*" >> ${log}\nexit 0\n`);
await chmod(join(dirs.stubs, 'rpm'), 0o755);
await chmod(join(dirs.stubs, 'systemctl'), 0o755);

/** Runs one scriptlet with $1 = `arg`, the stubs first on PATH; returns and empties the systemctl log. */
async function run(body: string, arg: number): Promise<string[]> {
  await runTool('sh', ['-ec', body, 'scriptlet', String(arg)], { env: { PATH: `${dirs.stubs}${delimiter}${process.env.PATH ?? ''}` } });
  const calls = (await readFile(log, 'utf8').catch(() => '')).split('\n').filter((line) => line !== '');
  await writeFile(log, '');
  return calls;
}

/** The rpm database's file list of the installed version: flags (1 = %config), digest, path. */
const files = (conf: string, code: string) => `1 ${conf} /etc/demo/demo.conf\n0 ${code} /usr/bin/demo\n`;

// Every asynchronous set-up above is done before the first test is registered: tap ends the root test once
// its queue is empty, and a test registered after a top-level await would come too late.
t.test('reloadkit-rpm-macros ships macros.reloadkit in the macro directory', async (t) => {
  const spec = await planRpmMacrosPackage({ version: '0.1.0', date: '2026-12-01' });
  await mkdir(join(work, 'dist'), { recursive: true });
  const rpm = await rpmPackager.build(spec, { outDir: join(work, 'dist'), sourceDateEpoch: 1_790_000_000 });
  t.equal(basename(rpm), 'reloadkit-rpm-macros-0.1.0-1.noarch.rpm');
  const files = (await runTool('rpm', ['-qlp', '--nosignature', rpm])).stdout.split('\n');
  t.ok(files.includes('/usr/lib/rpm/macros.d/macros.reloadkit'), files.join(' '));
});

t.test('the scriptlets expand as documented', async (t) => {
  t.match(scripts.post, `if [ $1 -eq 1 ] ; then \n\tsystemctl --no-reload preset demo.service >/dev/null 2>&1 || : \nelse \n\tmkdir -p ${dirs.state} \n\ttouch ${dirs.state}/demo.upgrade \nfi`);
  t.match(scripts.preun, 'systemctl --no-reload disable demo.service');
  t.match(scripts.preun, 'systemctl stop demo.service');
  t.match(scripts.postun, 'systemctl daemon-reload');
  t.match(scripts.postun, `rm -f ${dirs.digest}/demo.code-digest`);
  t.match(scripts.posttrans, "rpm -q --qf '[%{FILEFLAGS} %{FILEDIGESTS} %{FILENAMES}\\n]' demo");
  t.match(scripts.posttrans, 'if [ "$_rk_payload" = unchanged ] ; then _rk_action=reload ; else _rk_action=restart ; fi');
  t.match(scripts.posttrans, 'for _rk_unit in demo.service ; do');
  t.notMatch(`${scripts.post}${scripts.preun}${scripts.postun}${scripts.posttrans}`, /%reloadkit|%\{(name|\?\*|-[uc]|!-[uc]|_reloadkit)/, 'no macro left unexpanded (the rpm query keeps its own %{TAG}s)');
});

t.test('install enables; a config-only upgrade reloads; a code upgrade restarts; erase disables and stops', async (t) => {
  await writeFile(database, files('c1', 'x1'));
  t.same(await run(scripts.post, 1), ['--no-reload preset demo.service'], 'install: presets');
  t.same(await run(scripts.posttrans, 1), [], 'install: nothing started by posttrans');

  await writeFile(database, files('c2', 'x1'));
  t.same(await run(scripts.post, 2), [], 'upgrade: %post of the new version only marks it');
  t.same(await run(scripts.postun, 1), ['daemon-reload'], "the old version's %postun reloads systemd only");
  t.same(await run(scripts.posttrans, 1), ['daemon-reload', '-q is-active demo.service', 'reload demo.service'], 'config-only upgrade: reload');

  await writeFile(database, files('c2', 'x2'));
  await run(scripts.post, 2);
  t.same(await run(scripts.posttrans, 1), ['daemon-reload', '-q is-active demo.service', 'restart demo.service'], 'code upgrade: restart');

  t.same(await run(scripts.preun, 1), [], 'an upgrade never stops the service');
  t.same(await run(scripts.preun, 0), ['--no-reload disable demo.service', 'stop demo.service'], 'erase: disable and stop');
  t.same(await run(scripts.postun, 0), ['daemon-reload']);
  t.equal(await readFile(join(dirs.digest, 'demo.code-digest'), 'utf8').catch(() => 'gone'), 'gone', 'the recorded digest is forgotten');
});

t.test('when the rpm database cannot be read, an upgrade counts as a code change', async (t) => {
  await writeFile(database, '');
  await run(scripts.post, 1);
  await run(scripts.posttrans, 1);
  await run(scripts.post, 2);
  t.same(await run(scripts.posttrans, 1), ['daemon-reload', '-q is-active demo.service', 'restart demo.service']);
});
