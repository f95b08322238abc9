// Installs and erases the cinder .rpm files with rpm into an empty root (no scriptlets: there is no RPM
// distribution here): no file conflicts between the packages, files as listed, and erase removes everything
// but the directories an RPM distribution's filesystem package owns.
import t from 'tap';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rpmSystemDirectories } from '../../../packaging/rpm/spec-file.js';
import { runTool } from '../../../packaging/run-tool.js';
import { buildCinderPackages, cinderPackageNames } from '../../helpers/packaging/cinder-packages.js';
import { listRootPaths } from '../../helpers/packaging/debian-root.js';

t.setTimeout(300_000);

const work = await mkdtemp(join(tmpdir(), 'packaging-rpm-'));
t.teardown(() => rm(work, { recursive: true, force: true }));
const rpms = await buildCinderPackages(join(work, 'dist'), { formats: ['rpm'] });
const root = join(work, 'root');
const rpm = (...args: string[]) => runTool('rpm', ['--root', root, '--dbpath', '/var/lib/rpm', ...args]);

t.test('all packages install together without conflicts', async (t) => {
  await mkdir(root, { recursive: true });
  await rpm('--initdb');
  await rpm('-i', '--nodeps', '--noscripts', ...rpms);
  t.same((await rpm('-qa', '--qf', '%{NAME}\n')).stdout.trim().split('\n').sort(), [
    'reloadkit-example-cinder-api',
    'reloadkit-example-cinder-common',
    'reloadkit-example-cinder-scheduler',
    'reloadkit-example-cinder-volume',
  ]);
  t.equal((await rpm('-V', '--nodeps', '--noscripts', '--nouser', '--nogroup', '-a')).stdout, '', 'rpm -V finds every file as packaged');
});

t.test('erase leaves only directories the distribution owns', async (t) => {
  const { common, ...services } = cinderPackageNames;
  await rpm('-e', '--nodeps', '--noscripts', ...Object.values(services).reverse(), common);
  const left = (await listRootPaths(root)).filter((p) => !p.startsWith('/var/lib/rpm') && !p.startsWith('/root'));
  t.same(left.filter((p) => !rpmSystemDirectories.has(p)), []);
});
