// Runs Debian's shellcheck and `sh -n` on generated shell text.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SHELLCHECK_BINARY = '/usr/bin/shellcheck';

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

/**
 * Notes shellcheck gives on deliberately literal text: `$(…)` or `$HOME` inside single quotes (SC2016) and a
 * backslash before a quote (SC1003). Quoting hostile manifest values produces exactly that, on purpose.
 */
export const LITERAL_QUOTING_NOTES = ['SC2016', 'SC1003'];

/** shellcheck on `content` as POSIX sh (all severities, minus `exclude`); status 0 means no finding. */
export function runShellcheck(content: string, exclude: readonly string[] = []): CheckResult {
  requireShellcheck();
  return withTemporaryFile(content, (file) => {
    // Debian's binary directly: the npm wrapper would only add a node process per file around it.
    const result = spawnSync(SHELLCHECK_BINARY, ['--shell=sh', '--severity=style', ...(exclude.length ? [`--exclude=${exclude.join(',')}`] : []), file], { encoding: 'utf8' });
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
