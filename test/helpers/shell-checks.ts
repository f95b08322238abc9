// Runs shellcheck (through the npm `shellcheck` package, on Debian's binary) and `sh -n` on generated shell text.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's shellcheck: the npm wrapper runs it instead of downloading one, so the checks work offline. */
const SHELLCHECK_BINARY = '/usr/bin/shellcheck';

/** The outcome of one checker: exit status and everything it printed. */
export interface CheckResult {
  status: number | null;
  output: string;
}

/**
 * Throws when the checkers cannot run here, so a test fails saying what is missing instead of passing. The
 * wrapper takes SHELLCHECKJS_BIN only if it may write and run it (else it would download a binary): root's case.
 */
export function requireShellcheck(): void {
  try {
    accessSync(SHELLCHECK_BINARY, constants.F_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new Error(
      `${SHELLCHECK_BINARY} is not usable by the npm shellcheck wrapper (${(error as Error).message}): install Debian's shellcheck ` +
        'package (scripts/install-deps.sh does) and run the tests as root',
      { cause: error },
    );
  }
}

type ShellcheckModule = typeof import('shellcheck');
let wrapper: Promise<ShellcheckModule> | undefined;

/** The npm wrapper, loaded once with SHELLCHECKJS_BIN set: it reads (and validates) the variable on import. */
function loadWrapper(): Promise<ShellcheckModule> {
  requireShellcheck();
  process.env.SHELLCHECKJS_BIN = SHELLCHECK_BINARY;
  process.env.SHELLCHECKJS_LOGGER_LEVEL ??= 'warn';
  wrapper ??= import('shellcheck');
  return wrapper;
}

/** Runs `use` on a temporary file holding `content`, removed afterwards (also when `use` rejects). */
async function withTemporaryFile<T>(content: string, use: (file: string) => T | Promise<T>): Promise<T> {
  const directory = mkdtempSync(join(tmpdir(), 'reloadkit-shell-'));
  try {
    const file = join(directory, 'script');
    writeFileSync(file, content);
    return await use(file);
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
export async function runShellcheck(content: string, exclude: readonly string[] = []): Promise<CheckResult> {
  const { shellcheck } = await loadWrapper();
  return withTemporaryFile(content, async (file) => {
    const args = ['--shell=sh', '--severity=style', ...(exclude.length ? [`--exclude=${exclude.join(',')}`] : []), file];
    const result = await shellcheck({ bin: SHELLCHECK_BINARY, args, stdio: 'pipe' });
    if (result.error) throw result.error;
    return { status: result.status, output: `${result.stdout.toString()}${result.stderr.toString()}` };
  });
}

/** `sh -n` (parse without running) on `content`. */
export function runShellSyntaxCheck(content: string): Promise<CheckResult> {
  return withTemporaryFile(content, (file) => {
    const result = spawnSync('sh', ['-n', file], { encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  });
}

/** True when the test runs as root (needed to run init scripts for real). */
export function isRoot(): boolean {
  return execFileSync('id', ['-u'], { encoding: 'utf8' }).trim() === '0';
}
