// exitProcess: the exit code normally; when a config read abandoned at its deadline is still stuck (where
// process.exit() would wait for its thread forever), death by SIGTERM, saying so.
import t from 'tap';
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runsCompiled } from '../../../helpers/source-root.js';

// Compiled (the Node 18 run), this file is .js and so is the helper beside it; from source, tsx runs the .ts.
const compiled = runsCompiled(import.meta.url);
const PROGRAM = fileURLToPath(new URL(`../../../helpers/stuck-read-exit.${compiled ? 'js' : 'ts'}`, import.meta.url));
const LOADER = compiled ? [] : ['--import', 'tsx'];

/** Runs the program; resolves with how it ended and its stderr. */
function run(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...LOADER, PROGRAM, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // A hang is the failure this guards against: end it so the assertion below can say so.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60000);
    child.on('exit', (code, signal) => { clearTimeout(guard); resolve({ code, signal, stderr }); });
  });
}

t.test('no abandoned read: the exit code', async (t) => {
  t.same(await run(['/nonexistent', 'none']), { code: 3, signal: null, stderr: '' });
});

t.test('an abandoned read stuck in open(): the process still ends, by SIGTERM, and says why', async (t) => {
  const dir = t.testdir({});
  const fifo = join(dir, 'hung.conf');
  execFileSync('mkfifo', [fifo]);
  t.same(await run([fifo]), {
    code: null, signal: 'SIGTERM',
    stderr: `${fifo}: cannot read config file: not read within 0.05 s: abandoned (is its file system answering?); nothing of it is used\n`
      + 'stuck-read: 1 configuration read(s) abandoned at their deadline are still stuck; ending by SIGTERM instead of exit code 3\n',
  }, 'not SIGKILL: the guard did not have to end it');
});
