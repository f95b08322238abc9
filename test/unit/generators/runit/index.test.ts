// runit service directories: `run` passes arguments exactly; control/h reports the client's outcome and exits 0.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { runitTarget } from '../../../../generators/runit/index.js';
import { buildStubManifest, loadRepositoryManifest, randomServiceName } from '../../../helpers/generator-fixtures.js';
import { createStubService, HOSTILE_ARGUMENTS } from '../../../helpers/stub-service.js';

function runScript(content: string): { status: number | null; output: string } {
  const directory = mkdtempSync(join(tmpdir(), 'reloadkit-runit-'));
  try {
    writeFileSync(join(directory, 'script'), content, { mode: 0o755 });
    const result = spawnSync(join(directory, 'script'), { encoding: 'utf8', timeout: 30_000 });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

t.test('run, control/h and log/run per service', async (t) => {
  const files = runitTarget.generate(loadRepositoryManifest('examples/cinder/reloadkit.yaml'), { systemdVersion: 252 });
  t.same(files.slice(0, 3).map((file) => [file.path, file.mode]), [
    ['etc/sv/cinder-volume/run', 0o755],
    ['etc/sv/cinder-volume/control/h', 0o755],
    ['etc/sv/cinder-volume/log/run', 0o755],
  ]);
  t.match(files[0]!.content, /^exec chpst -u cinder:cinder \/usr\/bin\/cinder-volume --config-file \/etc\/cinder\/cinder\.conf$/m);
  t.match(files[2]!.content, /^exec svlogd -tt \/var\/log\/runit\/cinder-volume$/m);
});

t.test('run execs the program with exactly the manifest arguments and the environment file', async (t) => {
  const stub = createStubService(randomServiceName('rkrun'));
  t.teardown(() => stub.remove());
  const environmentFile = join(stub.directory, 'environment');
  // STUB_ONESHOT makes the stub exit once it has recorded its argv.
  writeFileSync(environmentFile, "STUB_ONESHOT=1\nSTUB_FROM_ENV_FILE='from the environment file'\n");
  const manifest = buildStubManifest('stub', stub.program, { args: HOSTILE_ARGUMENTS, environment_file: environmentFile });
  const result = runScript(runitTarget.generate(manifest, { systemdVersion: 252 })[0]!.content);
  t.equal(result.status, 0, 'the program ran', { output: result.output });
  t.same(stub.readRunArgv(), HOSTILE_ARGUMENTS);
  t.equal(stub.readEnvironmentValue(), 'from the environment file');
});

t.test('control/h runs the client, logs its outcome and exits 0 so runsv sends no second signal', async (t) => {
  const stub = createStubService(randomServiceName('rkrun'));
  t.teardown(() => stub.remove());
  const manifest = buildStubManifest('stub', stub.program, {
    reload: { command: [stub.program, 'reload', ...HOSTILE_ARGUMENTS], check_command: [stub.program, 'check'], timeout: 20 },
  });
  const controlH = runitTarget.generate(manifest, { systemdVersion: 252 })[1]!.content;
  stub.setReloadOutcome(0);
  const succeeded = runScript(controlH);
  t.equal(succeeded.status, 0);
  t.equal(succeeded.output, 'stub: reload succeeded\n');
  t.same(stub.readReloadArgv(), ['reload', ...HOSTILE_ARGUMENTS], 'the client received exactly its arguments');
  stub.setReloadOutcome(1);
  const failed = runScript(controlH);
  t.equal(failed.status, 0);
  t.equal(failed.output, 'stub: reload failed (exit 1); the service keeps running with its previous configuration\n');
});
