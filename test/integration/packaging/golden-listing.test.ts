// The contents of each package — path, mode, owner, group, and which files are conffiles — match the golden
// listings in test/golden/packaging/ (UPDATE_GOLDEN=1 rewrites them). Sizes and dates are left out on purpose.
import t from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runTool } from '../../../packaging/run-tool.js';
import { readPackagingGolden } from '../../helpers/packaging/golden.js';
import { buildCinderPackages } from '../../helpers/packaging/cinder-packages.js';

t.setTimeout(300_000);

/** `dpkg-deb -c` as `mode owner/group path`, then the conffiles and the control fields that matter. */
async function listDeb(deb: string): Promise<string> {
  const contents = (await runTool('dpkg-deb', ['-c', deb])).stdout
    .trim()
    .split('\n')
    .map((line) => {
      const [mode, owner, , , , path] = line.split(/\s+/);
      return `${mode} ${owner} ${path}`;
    });
  const conffiles = (await runTool('dpkg-deb', ['-I', deb, 'conffiles'], { okExitCodes: [0, 1, 2] })).stdout.trim();
  const fields = await runTool('dpkg-deb', ['-f', deb, 'Package', 'Architecture', 'Pre-Depends', 'Depends', 'Conflicts', 'Replaces', 'Section', 'Priority']);
  const scripts = (await runTool('dpkg-deb', ['-I', deb])).stdout
    .split('\n')
    .filter((line) => /^\s+\d+ bytes,\s+\d+ lines\s+\*/.test(line))
    .map((line) => line.trim().split(/\s+/)[5]);
  return [
    fields.stdout.trim(),
    `maintainer scripts: ${scripts.join(' ') || '(none)'}`,
    'conffiles:',
    conffiles || '(none)',
    'contents:',
    ...contents,
    '',
  ].join('\n');
}

/** `rpm -qp` as `flags mode owner group path` per file, with the requirements and scriptlets. */
async function listRpm(rpm: string): Promise<string> {
  const query = (format: string) => runTool('rpm', ['-qp', '--nosignature', '--qf', format, rpm]).then((r) => r.stdout.replace(/\n$/, ''));
  const files = await query('[%{FILEFLAGS:fflags}\t%{FILEMODES:perms} %{FILEUSERNAME} %{FILEGROUPNAME} %{FILENAMES}\n]');
  const requires = await query('[%{REQUIREFLAGS:deptype} %{REQUIRENAME} %{REQUIREFLAGS:depflags} %{REQUIREVERSION}\n]');
  const conflicts = await query('[%{CONFLICTNAME}\n]');
  const scriptlets = (await runTool('rpm', ['-qp', '--nosignature', '--scripts', rpm])).stdout
    .split('\n')
    .filter((line) => /^\S+ scriptlet/.test(line))
    .map((line) => line.split(' ')[0]);
  return [
    'requires:',
    ...requires.split('\n').filter((line) => !line.includes('rpmlib(')).map((l) => l.trim()),
    `conflicts: ${conflicts.split('\n').filter((line) => line !== '').join(' ') || '(none)'}`,
    `scriptlets: ${scriptlets.join(' ') || '(none)'}`,
    'contents (flags: c = %config, d = %doc, l = %license):',
    ...files.split('\n').map((line) => `${line.startsWith('\t') ? '-' : ''}${line.replace('\t', ' ')}`),
    '',
  ].join('\n');
}

const out = await mkdtemp(join(tmpdir(), 'packaging-golden-'));
t.teardown(() => rm(out, { recursive: true, force: true }));
const packages = await buildCinderPackages(out, { formats: ['deb', 'rpm'] });

for (const pkg of packages) {
  t.test(`${basename(pkg)} matches its golden listing`, async (t) => {
    const actual = pkg.endsWith('.deb') ? await listDeb(pkg) : await listRpm(pkg);
    const name = basename(pkg).replace(/[_-]1\.0\.0-1.*$/, '');
    const golden = readPackagingGolden(`${name}.${pkg.endsWith('.deb') ? 'deb' : 'rpm'}.txt`, actual);
    t.not(golden, undefined, `golden listing exists (create it with UPDATE_GOLDEN=1)`);
    t.equal(actual, golden);
  });
}
