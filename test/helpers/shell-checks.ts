// Runs Debian's shellcheck (through the npm wrapper) and `sh -n` on generated shell text.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SHELLCHECK_BINARY = '/usr/bin/shellcheck';
const wrapper = fileURLToPath(new URL('../../node_modules/.bin/shellcheck', import.meta.url));

/** The outcome of one checker: exit status and everything it printed. */
export interface CheckResult {
  status: number | null;
  output: string;
}

/** Throws when the checkers cannot run here, so a test fails saying what is missing instead of passing. */
export function requireShellcheck(): void {
  if (!existsSync(SHELLCHECK_BINARY)) {
    throw new Error(`${SHELLCHECK_BINARY} is missing: install Debian's shellcheck package (scripts/install-deps.sh does)`);
  }
}

function withTemporaryFile<T>(content: string, use: (file: string) => T): T {
  const directory = mkdtempSync(join(tmpdir(), 'reloadkit-shell-'));
  try {
    const file = join(directory, 'script');
    writeFileSync(file, content);
    return use(file);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** shellcheck on `content` as POSIX sh (all severities); status 0 means no finding at all. */
export function runShellcheck(content: string): CheckResult {
  requireShellcheck();
  return withTemporaryFile(content, (file) => {
    const result = spawnSync(wrapper, ['--shell=sh', '--severity=style', file], {
      encoding: 'utf8',
      env: { ...process.env, SHELLCHECKJS_BIN: SHELLCHECK_BINARY },
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  });
}

/** `sh -n` (parse without running) on `content`. */
export function runShellSyntaxCheck(content: string): CheckResult {
  return withTemporaryFile(content, (file) => {
    const result = spawnSync('sh', ['-n', file], { encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  });
}

/** True when the test runs as root (needed to run init scripts for real). */
export function isRoot(): boolean {
  return execFileSync('id', ['-u'], { encoding: 'utf8' }).trim() === '0';
}
