// Runs a generated LSB init script for real against a stub daemon: every verb, its exit code, exact argv.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, chmodSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { sysvTarget } from '../../../../generators/sysv/index.js';
import { buildInitScriptView } from '../../../../generators/sysv/init-script.js';
import { buildStubManifest, loadRepositoryManifest, randomServiceName } from '../../../helpers/generator-fixtures.js';
import { isRoot } from '../../../helpers/shell-checks.js';
import { createStubService, HOSTILE_ARGUMENTS } from '../../../helpers/stub-service.js';

t.test('the view maps dependencies to LSB facilities and keeps 15 characters of the name', async (t) => {
  const manifest = loadRepositoryManifest('test/golden/manifests/hostile.yaml');
  const view = buildInitScriptView(manifest.services[0]!);
  t.same(view.requiredStart, ['$remote_fs', '$syslog', 'postgresql', '$network']);
  t.equal(view.processName, 'hostile-service');
  t.equal(view.account.userGroup, 'hostile:hostile');
  t.same(view.reloadClient.runAs, ['-u', 'hostile', '-g', 'hostile']);
  t.same(view.directories.paths, ['/run/hostile']);
});

/** Polls until `pid` no longer exists (a killed process stays a zombie until its new parent reaps it). */
async function waitUntilGone(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (!existsSync(`/proc/${pid}`)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

t.test('LSB verbs run for real against a stub daemon', async (t) => {
  if (!isRoot()) {
    t.fail('running init scripts for real needs root (start-stop-daemon, /run): run the tests as root');
    return;
  }
  const name = randomServiceName('rklsb');
  const stub = createStubService(name);
  const environmentFile = join(stub.directory, 'environment');
  writeFileSync(environmentFile, "STUB_FROM_ENV_FILE='from the environment file'\n");
  const manifest = buildStubManifest(name, stub.program, {
    args: HOSTILE_ARGUMENTS,
    environment_file: environmentFile,
    runtime_directory: name,
    reload: { command: [stub.program, 'reload', ...HOSTILE_ARGUMENTS], check_command: [stub.program, 'check'], timeout: 20 },
  });
  const scriptDirectory = mkdtempSync(join(tmpdir(), 'reloadkit-sysv-'));
  const script = join(scriptDirectory, name);
  writeFileSync(script, sysvTarget.generate(manifest, { systemdVersion: 252 })[0]!.content);
  chmodSync(script, 0o755);
  const unrelated = spawn('sleep', ['600']);
  t.teardown(() => {
    spawnSync(script, ['stop']);
    unrelated.kill();
    stub.remove();
    rmSync(scriptDirectory, { recursive: true, force: true });
    rmSync(`/run/${name}`, { recursive: true, force: true });
    rmSync(`/run/${name}.pid`, { force: true });
  });
  const run = (verb: string) => spawnSync(script, verb === '' ? [] : [verb], { encoding: 'utf8', timeout: 60_000 });
  const expectStatus = (verb: string, status: number, what: string) => {
    const result = run(verb);
    t.equal(result.status, status, `${verb}: ${what}`, { output: `${result.stdout}${result.stderr}` });
    return result;
  };

  expectStatus('status', 3, 'not running → 3');
  expectStatus('stop', 0, 'stopping a stopped service succeeds');
  expectStatus('reload', 7, 'reloading a stopped service → 7');
  expectStatus('try-restart', 0, 'try-restart of a stopped service does nothing and succeeds');
  t.equal(stub.readPid(), undefined, 'try-restart did not start the service');

  expectStatus('start', 0, 'start succeeds');
  t.same(stub.readRunArgv(), HOSTILE_ARGUMENTS, 'the daemon received exactly the manifest arguments');
  t.equal(stub.readEnvironmentValue(), 'from the environment file', 'the environment file was exported');
  t.ok(existsSync(`/run/${name}`), 'the runtime directory was created');
  t.notOk(existsSync('/tmp/reloadkit-pwned'), 'nothing in the arguments was executed');
  const firstPid = stub.readPid();
  expectStatus('start', 0, 'starting a running service succeeds');
  t.equal(stub.readPid(), firstPid, 'and does not start a second instance');
  expectStatus('status', 0, 'running → 0');

  expectStatus('reload', 0, 'reload runs the client and succeeds');
  t.equal(stub.countReloads(), 1, 'the client ran once');
  t.same(stub.readReloadArgv(), ['reload', ...HOSTILE_ARGUMENTS], 'the client received exactly its arguments');
  stub.setReloadOutcome(1);
  const failed = expectStatus('reload', 1, 'a failed reload fails loudly');
  t.match(failed.stderr, `${name}: reload failed (exit 1); the service keeps running with its previous configuration`);
  expectStatus('status', 0, 'and the service keeps running');
  t.equal(stub.readPid(), firstPid, 'the same process');
  expectStatus('force-reload', 1, 'force-reload of a running service reloads, and fails with it (no restart)');
  t.equal(stub.readPid(), firstPid, 'a failed force-reload did not restart the service');
  stub.setReloadOutcome(undefined);
  expectStatus('force-reload', 0, 'force-reload of a running service reloads');
  t.equal(stub.countReloads(), 2, 'through the client');

  expectStatus('try-restart', 0, 'try-restart of a running service restarts it');
  t.not(stub.readPid(), firstPid, 'a new process');
  expectStatus('restart', 0, 'restart succeeds');

  const killed = stub.readPid();
  spawnSync('kill', ['-KILL', String(killed)]);
  t.ok(await waitUntilGone(killed!), 'the killed daemon is gone (reaped)');
  expectStatus('status', 1, 'dead with a pidfile → 1');
  expectStatus('force-reload', 0, 'force-reload of a dead service starts it');
  expectStatus('status', 0, 'running again');
  expectStatus('stop', 0, 'stop succeeds');
  expectStatus('status', 3, 'stopped → 3');

  // A pidfile naming a live process of another program (a recycled PID) must never be signalled.
  writeFileSync(`/run/${name}.pid`, `${unrelated.pid}\n`);
  expectStatus('status', 1, 'a pidfile naming another program → 1 (not running)');
  expectStatus('stop', 0, 'stop with a recycled PID succeeds');
  t.equal(unrelated.exitCode, null, 'the unrelated process was not signalled');
  t.equal(spawnSync('kill', ['-0', String(unrelated.pid)]).status, 0, 'it is still alive');

  expectStatus('frobnicate', 2, 'an unknown verb → 2');
  expectStatus('', 2, 'no verb → 2');
});
