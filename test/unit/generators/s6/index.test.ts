// s6 service directories: `run` passes arguments exactly and names the readiness descriptor; the LSB script's
// reload runs the client and reports its outcome; finish logs how the service ended.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { s6Target } from '../../../../generators/s6/index.js';
import { buildStubManifest, loadRepositoryManifest, randomServiceName } from '../../../helpers/generator-fixtures.js';
import { createStubService, HOSTILE_ARGUMENTS } from '../../../helpers/stub-service.js';

function runScript(content: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env): { status: number | null; output: string } {
  const directory = mkdtempSync(join(tmpdir(), 'reloadkit-s6-'));
  try {
    writeFileSync(join(directory, 'script'), content, { mode: 0o755 });
    const result = spawnSync(join(directory, 'script'), args, { encoding: 'utf8', timeout: 30_000, env });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** A fake s6-svstat on PATH that says the service is up. */
function fakeS6Tools(): { path: string; remove: () => void } {
  const directory = mkdtempSync(join(tmpdir(), 'reloadkit-s6-tools-'));
  writeFileSync(join(directory, 's6-svstat'), '#!/bin/sh\necho true\n', { mode: 0o755 });
  writeFileSync(join(directory, 's6-svok'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return { path: directory, remove: () => rmSync(directory, { recursive: true, force: true }) };
}

t.test('type, run, finish, notification-fd, timeout-kill, log/run and the LSB script per service', async (t) => {
  const files = s6Target.generate(loadRepositoryManifest('examples/cinder/reloadkit.yaml'), { systemdVersion: 252 });
  t.same(files.slice(0, 7).map((file) => [file.path, file.mode]), [
    ['etc/s6/sv/cinder-volume/type', 0o644],
    ['etc/s6/sv/cinder-volume/run', 0o755],
    ['etc/s6/sv/cinder-volume/finish', 0o755],
    ['etc/s6/sv/cinder-volume/notification-fd', 0o644],
    ['etc/s6/sv/cinder-volume/timeout-kill', 0o644],
    ['etc/s6/sv/cinder-volume/log/run', 0o755],
    ['etc/init.d/cinder-volume', 0o755],
  ]);
  t.equal(files[0]!.content, 'longrun\n');
  t.match(files[1]!.content, /^RELOADKIT_READY_FD=3\nexport RELOADKIT_READY_FD\nexec setpriv --reuid=cinder --regid=cinder --init-groups -- \/usr\/bin\/cinder-volume --config-file \/etc\/cinder\/cinder\.conf$/m);
  t.equal(files[3]!.content, '3\n', 'the descriptor run names');
  t.equal(files[4]!.content, '90000\n', 'SIGKILL only after stop_timeout');
  t.match(files[5]!.content, /^exec s6-log T \/var\/log\/s6\/cinder-volume$/m);
});

t.test('run execs the program with exactly the manifest arguments, the environment file and the readiness descriptor', async (t) => {
  const stub = createStubService(randomServiceName('rks6'));
  t.teardown(() => stub.remove());
  const environmentFile = join(stub.directory, 'environment');
  // STUB_ONESHOT makes the stub exit once it has recorded its argv.
  writeFileSync(environmentFile, "STUB_ONESHOT=1\nSTUB_FROM_ENV_FILE='from the environment file'\n");
  const manifest = buildStubManifest('stub', stub.program, { args: HOSTILE_ARGUMENTS, environment_file: environmentFile });
  const run = s6Target.generate(manifest, { systemdVersion: 252 }).find((file) => file.path.endsWith('/run'))!;
  const result = runScript(run.content);
  t.equal(result.status, 0, 'the program ran', { output: result.output });
  t.same(stub.readRunArgv(), HOSTILE_ARGUMENTS);
  t.equal(stub.readEnvironmentValue(), 'from the environment file');
});

t.test("the LSB script's reload runs the client and exits with its outcome; s6 tools decide whether it runs", async (t) => {
  const stub = createStubService(randomServiceName('rks6'));
  const tools = fakeS6Tools();
  t.teardown(() => { stub.remove(); tools.remove(); });
  const manifest = buildStubManifest('stub', stub.program, {
    reload: { command: [stub.program, 'reload', ...HOSTILE_ARGUMENTS], check_command: [stub.program, 'check'], timeout: 20 },
  });
  const script = s6Target.generate(manifest, { systemdVersion: 252 }).find((file) => file.path === 'etc/init.d/stub')!.content;
  const env = { ...process.env, PATH: `${tools.path}:/sbin:/usr/sbin:/bin:/usr/bin` };
  // the script sets PATH itself: put the fake tools first in it
  const withTools = script.replace('PATH=/sbin:/usr/sbin:/bin:/usr/bin', `PATH=${tools.path}:/sbin:/usr/sbin:/bin:/usr/bin`);
  stub.setReloadOutcome(0);
  const succeeded = runScript(withTools, ['reload'], env);
  t.equal(succeeded.status, 0, 'reload succeeded', { output: succeeded.output });
  t.same(stub.readReloadArgv(), ['reload', ...HOSTILE_ARGUMENTS], 'the client received exactly its arguments');
  stub.setReloadOutcome(1);
  const failed = runScript(withTools, ['reload'], env);
  t.equal(failed.status, 1);
  t.equal(failed.output, 'stub: reload failed (exit 1); the service keeps running with its previous configuration\n');
  const unsupervised = runScript(script.replace('PATH=/sbin:/usr/sbin:/bin:/usr/bin', 'PATH=/nonexistent'), ['status'], env);
  t.equal(unsupervised.status, 4, 'status without s6 supervising the service: 4 (unknown)');
  t.equal(runScript(script, ['frobnicate']).status, 2, 'an unknown action: 2');
});

t.test('finish logs how the service ended and lets s6 decide about restarting', async (t) => {
  const finish = s6Target.generate(loadRepositoryManifest('examples/cinder/reloadkit.yaml'), { systemdVersion: 252 })[2]!.content;
  t.same(runScript(finish, ['0', '0']), { status: 0, output: 'cinder-volume: exited with status 0\n' });
  t.same(runScript(finish, ['256', '15']), { status: 0, output: 'cinder-volume: ended by signal 15\n' });
});
