// lintian on every .deb and rpmlint on every .rpm of the cinder example: no errors, no warnings left
// (the remaining ones are overridden in examples/cinder/packaging/, which the manifest names, each with its reason).
import t from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runTool } from '../../../packaging/run-tool.js';
import { buildCinderPackages, loadCinderPackagingManifest } from '../../helpers/packaging/cinder-packages.js';
import { projectRoot } from '../../helpers/packaging/compiled-build.js';

t.setTimeout(300_000);

const out = await mkdtemp(join(tmpdir(), 'packaging-lint-'));
t.teardown(() => rm(out, { recursive: true, force: true }));
const packages = await buildCinderPackages(out, { formats: ['deb', 'rpm'] });

t.test('builds the common package and one package per service in each format', async (t) => {
  t.same(packages.map((p) => basename(p)), [
    'reloadkit-example-cinder-common_1.0.0-1_all.deb',
    'reloadkit-example-cinder-volume_1.0.0-1_all.deb',
    'reloadkit-example-cinder-scheduler_1.0.0-1_all.deb',
    'reloadkit-example-cinder-api_1.0.0-1_all.deb',
    'reloadkit-example-cinder-common-1.0.0-1.noarch.rpm',
    'reloadkit-example-cinder-volume-1.0.0-1.noarch.rpm',
    'reloadkit-example-cinder-scheduler-1.0.0-1.noarch.rpm',
    'reloadkit-example-cinder-api-1.0.0-1.noarch.rpm',
  ]);
});

for (const deb of packages.filter((p) => p.endsWith('.deb'))) {
  t.test(`lintian accepts ${basename(deb)}`, async (t) => {
    // --fail-on makes warnings fail too; exit code 2 is lintian's own failure (e.g. unreadable package).
    const result = await runTool('lintian', ['--fail-on', 'error,warning', '--no-tag-display-limit', deb], { okExitCodes: [0, 1] });
    const problems = result.stdout.split('\n').filter((line) => /^[EW]: /.test(line));
    t.same(problems, [], 'no error or warning tags');
    t.equal(result.exitCode, 0, 'lintian exit code');
  });
}

t.test('rpmlint accepts every .rpm with the project configuration', async (t) => {
  const rpmlintConfig = (await loadCinderPackagingManifest()).package.rpmlint_config;
  t.equal(rpmlintConfig, 'packaging/rpmlint.toml', 'the manifest names its rpmlint configuration');
  const config = join(projectRoot, 'examples', 'cinder', rpmlintConfig ?? '');
  const rpms = packages.filter((p) => p.endsWith('.rpm'));
  const result = await runTool('rpmlint', ['-c', config, ...rpms], { okExitCodes: [0, 64, 66] });
  const problems = result.stdout.split('\n').filter((line) => /: [EW]: /.test(line));
  t.same(problems, [], 'no error or warning lines');
  t.match(result.stdout, `${rpms.length} packages and 0 specfiles checked; 0 errors, 0 warnings`);
  t.equal(result.exitCode, 0, 'rpmlint exit code');
});
