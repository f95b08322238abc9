// logrotate snippet: one block per logs directory; postrotate reloads through the client, tolerating a stopped service.
import { spawnSync } from 'node:child_process';
import t from 'tap';
import { logrotateTarget } from '../../../../generators/logrotate/index.js';
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
