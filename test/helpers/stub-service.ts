// A stub service for running generated init files for real: it records its argv and environment, then
// waits for SIGTERM; called with `reload` it acts as the synchronous reload client (0 ok, 1 failed, 7 not running).
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A stub program in its own temporary directory, plus where it leaves its records. */
export interface StubService {
  /** Directory holding the program and its records. */
  directory: string;
  /** Absolute path of the program; its file name is the service (and process) name. */
  program: string;
  /** The argv the last run (not reload) received, or undefined before it ran. */
  readRunArgv(): string[] | undefined;
  /** The argv the last `reload` call received. */
  readReloadArgv(): string[] | undefined;
  /** The PID recorded by the running stub. */
  readPid(): number | undefined;
  /** Value of STUB_FROM_ENV_FILE the service saw at start. */
  readEnvironmentValue(): string | undefined;
  /** How many reloads succeeded. */
  countReloads(): number;
  /** Makes the next reload calls exit with `status` (undefined: behave normally). */
  setReloadOutcome(status: number | undefined): void;
  remove(): void;
}

const script = (directory: string) => `#!/bin/sh
# stub service for reloadkit's tests
state='${directory}'
if [ "$1" = reload ]; then
	for a in "$@"; do printf '%s\\0' "$a"; done > "$state/reload-argv"
	if [ -f "$state/reload-outcome" ]; then exit "$(cat "$state/reload-outcome")"; fi
	pid=$(cat "$state/pid" 2>/dev/null) || exit 7
	kill -0 "$pid" 2>/dev/null || exit 7
	echo reloaded >> "$state/reloads"
	exit 0
fi
echo "$$" > "$state/pid"
for a in "$@"; do printf '%s\\0' "$a"; done > "$state/run-argv"
printf '%s' "\${STUB_FROM_ENV_FILE-unset}" > "$state/env-value"
[ -n "\${STUB_ONESHOT-}" ] && exit 0
trap 'exit 0' TERM
while :; do sleep 1 & wait "$!"; done
`;

function readArgv(file: string): string[] | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  return text === '' ? [] : text.slice(0, -1).split('\0');
}

/** Creates a stub named `name` (at most 15 characters, so the process name is the whole name). */
export function createStubService(name: string): StubService {
  const directory = mkdtempSync(join(tmpdir(), 'reloadkit-stub-'));
  const program = join(directory, name);
  writeFileSync(program, script(directory));
  chmodSync(program, 0o755);
  chmodSync(directory, 0o755);
  const read = (file: string) => (existsSync(join(directory, file)) ? readFileSync(join(directory, file), 'utf8') : undefined);
  return {
    directory,
    program,
    readRunArgv: () => readArgv(join(directory, 'run-argv')),
    readReloadArgv: () => readArgv(join(directory, 'reload-argv')),
    readPid: () => {
      const text = read('pid');
      return text === undefined ? undefined : Number(text.trim());
    },
    readEnvironmentValue: () => read('env-value'),
    countReloads: () => (read('reloads') ?? '').split('\n').filter(Boolean).length,
    setReloadOutcome: (status) => {
      const file = join(directory, 'reload-outcome');
      if (status === undefined) rmSync(file, { force: true });
      else writeFileSync(file, String(status));
    },
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}

/** Arguments no naive quoting survives: quotes, command substitution, backticks, spaces, newlines, globs. */
export const HOSTILE_ARGUMENTS = [
  `--name=it's "quoted"`,
  '$(touch /tmp/reloadkit-pwned)',
  '`touch /tmp/reloadkit-pwned`',
  'two  spaces and\ttab',
  'line one\nline two',
  '100% $HOME ${HOME} %n',
  ';',
  'back\\slash\\\\',
  '',
  '*',
  '-',
];
