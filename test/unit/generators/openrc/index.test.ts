// OpenRC runscripts: command_args survive openrc-run's eval exactly; reload() ends with the client's outcome.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { openrcTarget } from '../../../../generators/openrc/index.js';
import { buildStubManifest, loadRepositoryManifest, randomServiceName } from '../../../helpers/generator-fixtures.js';
import { createStubService, HOSTILE_ARGUMENTS } from '../../../helpers/stub-service.js';

/**
 * Loads a runscript the way openrc-run does (as sh, with ebegin/eend) and runs `action`; start-stop-daemon
 * is replaced by a program that runs the --exec program in the foreground with the arguments after `--`.
 */
function runRunscript(runscript: string, action: 'start' | 'reload'): { status: number | null; output: string } {
  const directory = mkdtempSync(join(tmpdir(), 'reloadkit-openrc-'));
  try {
    writeFileSync(join(directory, 'runscript'), runscript);
    const fakeDaemonTool = '#!/bin/sh\nwhile [ "$1" != -- ]; do [ "$1" = --exec ] && program=$2; shift; done\nshift\nexec "$program" "$@"\n';
    writeFileSync(join(directory, 'start-stop-daemon'), fakeDaemonTool, { mode: 0o755 });
    const harness = [
      'RC_SVCNAME=stub',
      'ebegin() { echo "* $*"; }',
      'eend() { status=$1; shift; [ "$status" = 0 ] || echo "* ERROR: $*"; return "$status"; }',
      '. ./runscript',
      action,
    ].join('\n');
    const result = spawnSync('sh', ['-c', harness], { cwd: directory, encoding: 'utf8', env: { PATH: `${directory}:${process.env.PATH}`, STUB_ONESHOT: process.env.STUB_ONESHOT } });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

t.test('a runscript and a conf.d file per service', async (t) => {
  const files = openrcTarget.generate(loadRepositoryManifest('examples/cinder/reloadkit.yaml'), { systemdVersion: 252 });
  t.same(
    files.map((file) => [file.path, file.mode]),
    [
      ['etc/init.d/cinder-volume', 0o755], ['etc/conf.d/cinder-volume', 0o644],
      ['etc/init.d/cinder-scheduler', 0o755], ['etc/conf.d/cinder-scheduler', 0o644],
      ['etc/init.d/cinder-api', 0o755], ['etc/conf.d/cinder-api', 0o644],
    ],
  );
  t.match(files[0]!.content, /^extra_started_commands="reload"$/m);
  t.match(files[0]!.content, /^\tneed net$/m);
});

t.test('hostile arguments reach the program exactly, as separate words', async (t) => {
  const stub = createStubService(randomServiceName('rkorc'));
  t.teardown(() => stub.remove());
  // STUB_ONESHOT makes the stub exit once it has recorded its argv.
  const manifest = buildStubManifest('stub', stub.program, { args: HOSTILE_ARGUMENTS });
  process.env.STUB_ONESHOT = '1';
  t.teardown(() => delete process.env.STUB_ONESHOT);
  const [runscript] = openrcTarget.generate(manifest, { systemdVersion: 252 });
  const result = runRunscript(runscript!.content, 'start');
  t.equal(result.status, 0, 'the program ran', { output: result.output });
  t.same(stub.readRunArgv(), HOSTILE_ARGUMENTS);
});

t.test('reload runs the client and ends with its exit code', async (t) => {
  const stub = createStubService(randomServiceName('rkorc'));
  t.teardown(() => stub.remove());
  const manifest = buildStubManifest('stub', stub.program, {
    reload: { command: [stub.program, 'reload', ...HOSTILE_ARGUMENTS], check_command: [stub.program, 'check'], timeout: 20 },
  });
  const [runscript] = openrcTarget.generate(manifest, { systemdVersion: 252 });
  stub.setReloadOutcome(0);
  t.equal(runRunscript(runscript!.content, 'reload').status, 0, 'a successful reload → 0');
  t.same(stub.readReloadArgv(), ['reload', ...HOSTILE_ARGUMENTS], 'the client received exactly its arguments');
  stub.setReloadOutcome(1);
  const failed = runRunscript(runscript!.content, 'reload');
  t.equal(failed.status, 1, 'a failed reload → non-zero');
  t.match(failed.output, 'reload failed; stub keeps running with its previous configuration');
  stub.setReloadOutcome(7);
  t.equal(runRunscript(runscript!.content, 'reload').status, 7, 'not running → 7');
});
