// The single import point for running external tools (dpkg-deb, rpmbuild, lintian, …).
import { execa } from 'execa';
import { PackagingError } from './errors.js';

/** Output of a finished tool. */
export interface ToolResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Options for runTool. */
export interface RunToolOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Use only `env`, not this process's environment (e.g. for commands run inside another root). */
  replaceEnv?: boolean;
  /** Exit codes that count as success; default [0]. */
  okExitCodes?: number[];
}

/** Runs `command args…` without a shell; rejects with the command line, exit code and stderr on failure. */
export async function runTool(command: string, args: string[], options: RunToolOptions = {}): Promise<ToolResult> {
  const okExitCodes = options.okExitCodes ?? [0];
  const result = await execa(command, args, {
    cwd: options.cwd,
    env: options.env,
    extendEnv: options.replaceEnv !== true,
    reject: false,
    stripFinalNewline: false,
  });
  const commandLine = [command, ...args].join(' ');
  if (result.failed && result.exitCode === undefined) {
    const missing = (result as { code?: string }).code === 'ENOENT';
    throw new PackagingError(
      missing ? `\`${command}\` is not installed (needed to run: ${commandLine})` : `${commandLine} failed: ${result.message}`,
      { cause: result },
    );
  }
  const exitCode = result.exitCode ?? 1;
  if (!okExitCodes.includes(exitCode)) {
    const detail = (String(result.stderr).trim() || String(result.stdout).trim()).split('\n').slice(-15).join('\n');
    throw new PackagingError(`${commandLine} exited with ${exitCode}: ${detail}`, { cause: result });
  }
  return { stdout: String(result.stdout), stderr: String(result.stderr), exitCode };
}
