// The smoke fixtures' shell scripts are checked by Debian's shellcheck (as POSIX sh: they run under dash).
import { join } from 'node:path';
import { execa } from 'execa';
import t from 'tap';
import { fixturesDir, findExecutable } from '../paths.js';

const scripts = [
  'rk-smoke-reload',
  'rk-smoke.init',
  'rk-smoke.openrc',
  join('runit', 'rk-smoke', 'run'),
  join('runit', 'rk-smoke', 'control', 'h'),
].map((name) => join(fixturesDir, 'smoke', name));

t.test('every smoke fixture script passes shellcheck', async (t) => {
  // Debian's binary, not the npm wrapper on tap's PATH (which downloads one)
  const shellcheck = process.env['SHELLCHECKJS_BIN'] || findExecutable('shellcheck', '/usr/bin:/bin');
  if (!shellcheck) {
    t.fail("shellcheck is not installed: install Debian's shellcheck (bash scripts/install-deps.sh)");
    return;
  }
  for (const script of scripts) {
    const result = await execa(shellcheck, ['--shell=sh', script], { reject: false });
    t.equal(result.exitCode, 0, `shellcheck ${script}`, { output: result.stdout });
  }
});

t.test('the smoke daemon is valid JavaScript for Node', async (t) => {
  const result = await execa(process.execPath, ['--check', join(fixturesDir, 'smoke', 'rk-smoke-daemon')], { reject: false });
  t.equal(result.exitCode, 0, 'node --check rk-smoke-daemon', { output: result.stderr });
});

t.test("the package scenario's load client is valid JavaScript for Node", async (t) => {
  const result = await execa(process.execPath, ['--check', join(fixturesDir, 'cinder', 'rk-volume-load')], { reject: false });
  t.equal(result.exitCode, 0, 'node --check rk-volume-load', { output: result.stderr });
});
