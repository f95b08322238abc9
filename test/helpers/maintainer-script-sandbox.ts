// Runs a generated maintainer script for real, in a private mount namespace, with logging stubs for every
// tool it may call (deb-systemd-helper, invoke-rc.d, systemctl, rpm, …), and returns the calls it made.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How a stub answers: when its arguments (joined by spaces) match the shell `case` pattern, print and exit. */
export interface StubAnswer {
  pattern: string;
  exit?: number;
  stdout?: string;
}

/** The machine the script runs on. */
export interface SandboxOptions {
  /** Create /run/systemd/system (systemd is the running init). */
  systemd: boolean;
  /** Executable /etc/init.d/<name> to create. */
  initScripts?: string[];
  /** Files to create before the run (absolute path → content), below /run, /etc/init.d, /var/lib or /var/log. */
  files?: Record<string, string>;
  /** Tools to stub; every call is logged. Tools not listed here and not in REAL_TOOLS are missing. */
  stubs: Record<string, StubAnswer[]>;
  /** Extra environment (e.g. DPKG_ROOT). */
  env?: Record<string, string>;
  /** Shell run after the script in the same namespace; its output is `inspection`. */
  inspect?: string;
}

/** What happened. */
export interface SandboxResult {
  exitCode: number;
  /** One entry per stub call: `tool arg1 arg2 …`. */
  calls: string[];
  stdout: string;
  stderr: string;
  inspection: string;
}

/** Real programs the scripts may use (Essential: yes in Debian), linked into the restricted PATH. */
export const REAL_TOOLS = ['sh', 'grep', 'sort', 'cmp', 'rm', 'mkdir', 'rmdir', 'chmod', 'cat', 'ls', 'stat', 'test', 'env', 'printf', 'head', 'touch'];

/** The folders replaced by empty tmpfs mounts, so that the script sees (and changes) only what the test set up. */
export const SANDBOXED_FOLDERS = ['/run', '/etc/init.d', '/var/lib', '/var/log'];

function findProgram(name: string): string {
  for (const dir of ['/usr/bin', '/bin', '/usr/sbin', '/sbin']) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(`cannot find ${name} on this machine (looked in /usr/bin, /bin, /usr/sbin, /sbin)`);
}

function writeStub(bin: string, tool: string, answers: readonly StubAnswer[]): void {
  const cases = answers
    .map((a) => `  ${a.pattern}) ${a.stdout === undefined ? '' : `printf '%s\\n' '${a.stdout.replace(/'/g, `'\\''`)}'; `}exit ${a.exit ?? 0} ;;`)
    .join('\n');
  const stub = `#!/bin/sh
{ printf '%s' '${tool}'; for a in "$@"; do printf ' %s' "$a"; done; printf '\\n'; } >> "$RK_CALL_LOG"
case "$*" in
${cases}
esac
exit 0
`;
  writeFileSync(join(bin, tool), stub, { mode: 0o755 });
}

/** Runs `script` with `args` (e.g. `configure`, `1.0.0`) in a sandbox; fails loudly when unshare is unavailable. */
export function runInSandbox(script: string, args: readonly string[], options: SandboxOptions): SandboxResult {
  const work = mkdtempSync(join(tmpdir(), 'rk-maintscript-'));
  try {
    const bin = join(work, 'bin');
    mkdirSync(bin);
    for (const tool of REAL_TOOLS) symlinkSync(findProgram(tool), join(bin, tool));
    for (const [tool, answers] of Object.entries(options.stubs)) writeStub(bin, tool, answers);
    writeFileSync(join(work, 'script'), script, { mode: 0o755 });
    chmodSync(join(work, 'script'), 0o755);
    writeFileSync(join(work, 'calls'), '');
    const setup: string[] = ['set -e'];
    for (const folder of SANDBOXED_FOLDERS) setup.push(`mount -t tmpfs reloadkit-test ${folder}`);
    if (options.systemd) setup.push('mkdir -p /run/systemd/system');
    for (const name of options.initScripts ?? []) {
      setup.push(`printf '#!/bin/sh\\nexit 0\\n' > /etc/init.d/${name}`, `chmod 755 /etc/init.d/${name}`);
    }
    Object.entries(options.files ?? {}).forEach(([path, content], index) => {
      const source = join(work, `file-${index}`);
      writeFileSync(source, content);
      setup.push(`mkdir -p "$(dirname '${path}')"`, `cat '${source}' > '${path}'`);
    });
    const runner = `${setup.join('\n')}
set +e
PATH='${bin}' RK_CALL_LOG='${work}/calls' ${findProgram('sh')} '${work}/script' "$@" > '${work}/stdout' 2> '${work}/stderr'
echo $? > '${work}/exit'
( ${options.inspect ?? 'true'} ) > '${work}/inspection' 2>&1
exit 0
`;
    const env = { ...process.env, ...options.env };
    const run = spawnSync('unshare', ['--mount', '--map-root-user', '--propagation', 'private', 'sh', '-c', runner, 'sandbox', ...args], {
      env,
      encoding: 'utf8',
    });
    if (run.error || run.status !== 0 || !existsSync(join(work, 'exit'))) {
      throw new Error(
        `cannot run the maintainer script sandbox (needs unshare --mount --map-root-user from util-linux and mount rights): exit ${String(run.status)} ${run.error?.message ?? ''} ${run.stderr}`,
      );
    }
    const read = (name: string) => readFileSync(join(work, name), 'utf8');
    return {
      exitCode: Number(read('exit').trim()),
      calls: read('calls').split('\n').filter((line) => line !== ''),
      stdout: read('stdout'),
      stderr: read('stderr'),
      inspection: read('inspection'),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
