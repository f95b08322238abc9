// logrotate snippet: one block per logs directory; postrotate reloads through the client, tolerating a stopped service.
import { spawnSync } from 'node:child_process';
import t from 'tap';
import { logrotateTarget, renderLogrotateFiles } from '../../../../generators/logrotate/index.js';
import { planCommonPackage, planPackage, planServicePackage } from '../../../../generators/package-plan/plan.js';
import { validateManifest } from '../../../../generators/manifest/index.js';
import { buildStubManifest, loadRepositoryManifest, randomServiceName } from '../../../helpers/generator-fixtures.js';
import { extractPostrotateScripts } from '../../../helpers/logrotate-scripts.js';
import { createStubService } from '../../../helpers/stub-service.js';

t.test('cinder: one block for /var/log/cinder reloading all three services', async (t) => {
  const files = logrotateTarget.generate(loadRepositoryManifest('examples/cinder/reloadkit.yaml'), { systemdVersion: 252 });
  t.same(files.map((file) => [file.path, file.mode]), [['etc/logrotate.d/cinder', 0o644]]);
  t.match(files[0]!.content, /^\/var\/log\/cinder\/\*\.log \{$/m);
  t.match(files[0]!.content, /^\tsu cinder cinder$/m);
  t.equal(files[0]!.content.match(/ reload --config-file/g)?.length, 3);
});

t.test('no logs directory, no snippet', async (t) => {
  t.same(logrotateTarget.generate(loadRepositoryManifest('test/golden/manifests/minimal.yaml'), { systemdVersion: 252 }), []);
});

t.test('postrotate: 0 when reloaded or not running, 1 when a reload failed', async (t) => {
  const stub = createStubService(randomServiceName('rklog'));
  t.teardown(() => stub.remove());
  const manifest = buildStubManifest('stub', stub.program, { logs_directory: 'stub' });
  const [script] = extractPostrotateScripts(logrotateTarget.generate(manifest, { systemdVersion: 252 })[0]!.content);
  const run = () => spawnSync('sh', ['-c', script!, 'sh', '/var/log/stub/stub.log'], { encoding: 'utf8' }).status;
  stub.setReloadOutcome(0);
  t.equal(run(), 0, 'reloaded');
  stub.setReloadOutcome(7);
  t.equal(run(), 0, 'a stopped service is fine');
  stub.setReloadOutcome(1);
  t.equal(run(), 1, 'a failed reload is reported');
  t.same(stub.readReloadArgv(), ['reload']);
});

t.test('postrotate with a partial install: skips clients not installed, reports each failed reload, runs every one', async (t) => {
  const stubs = ['rklogok', 'rklogstop', 'rklogfail', 'rklogafter'].map((prefix) => createStubService(randomServiceName(prefix)));
  t.teardown(() => stubs.forEach((stub) => stub.remove()));
  const [ok, stopped, failing, after] = stubs as [typeof stubs[0], typeof stubs[0], typeof stubs[0], typeof stubs[0]];
  const missing = `${ok.directory}/not-installed`;
  const service = (name: string, program: string) => ({
    name,
    description: 'Stub service',
    exec: program,
    reload: { command: [program, 'reload'], check_command: [program, 'check-config'], timeout: 20 },
    drain_timeout: 5,
    stop_timeout: 10,
    logs_directory: 'stub',
  });
  const manifest = validateManifest(
    {
      package: { name: 'stub', version: '1.0', maintainer: 'Stub <stub@example.org>', description: 'stub package' },
      services: [
        service('ok', ok.program),
        service('missing', missing),
        service('stopped', stopped.program),
        service('failing', failing.program),
        service('after', after.program),
      ],
    },
    'stub.yaml',
  );
  const [script] = extractPostrotateScripts(logrotateTarget.generate(manifest, { systemdVersion: 252 })[0]!.content);
  const run = () => spawnSync('sh', ['-c', script!, 'sh', '/var/log/stub/*.log'], { encoding: 'utf8' });
  ok.setReloadOutcome(0);
  stopped.setReloadOutcome(7);
  failing.setReloadOutcome(1);
  after.setReloadOutcome(0);
  const result = run();
  t.equal(result.status, 1, 'a failed reload of an installed, running service fails the rotation');
  t.equal(result.stderr, 'stub: reloading failing after log rotation failed (exit 1); it may keep writing to the rotated log file until it reloads\n',
    'only the failed reload is reported: not the missing client (127), not the stopped service (7)');
  t.same(after.readReloadArgv(), ['reload'], 'a failure does not keep the next service from reloading');
  failing.setReloadOutcome(0);
  const clean = run();
  t.equal(clean.status, 0, 'a client that is not installed is skipped, a stopped service is fine');
  t.equal(clean.stderr, '');
});

t.test('the snippet is named after the package that owns the log directory: the whole one, or the common one', async (t) => {
  const manifest = loadRepositoryManifest('examples/cinder/reloadkit.yaml');
  const common = renderLogrotateFiles(manifest, planCommonPackage(manifest, 'cinder-common'));
  t.same(common.map((file) => file.path), ['etc/logrotate.d/cinder-common']);
  t.match(common[0]!.content, /^# Rotation of cinder-common's log files\./);
  t.match(common[0]!.content, /^\t\t\s*echo "cinder-common: reloading \$1 after log rotation failed/m);
  t.equal(common[0]!.content.match(/ reload --config-file/g)?.length, 3, 'the common package reloads every service writing there');
  t.same(manifest.services.flatMap((service) => renderLogrotateFiles(manifest, planServicePackage(service))), [], 'service packages own no log directory');
  t.same(renderLogrotateFiles(manifest, planPackage(manifest)).map((file) => file.path), ['etc/logrotate.d/cinder'], 'one package: the target\'s own name');
});
