// Child processes of a benchmark: started with their output captured, stopped by their own PID, and
// always killed by the cleanup registry if the benchmark did not stop them itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { onCleanup } from './cleanup.js';

/** A started child process. */
export interface StartedProcess {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or the signal name) when the process has exited. */
  readonly exited: Promise<number | string>;
  /** Every output line so far (stdout and stderr). */
  readonly lines: string[];
  /** Resolves with the first line (present or future) that `matches`; rejects after `timeoutMs` or at exit. */
  waitForLine(matches: (line: string) => boolean, timeoutMs: number): Promise<string>;
  /** Sends `signal`, waits for the exit; SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | string>;
  isRunning(): boolean;
}

/** Starts `command args`; the cleanup registry kills it if it still runs at the end. */
export function startProcess(name: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): StartedProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`cannot start ${name} (${command}): no PID`);
  const pid = child.pid;
  const lines: string[] = [];
  const watchers = new Set<(line: string) => void>();
  let running = true;
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      running = false;
      resolve(code ?? signal ?? 'unknown');
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      pending += chunk;
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        if (lines.length < 20000) lines.push(line);
        for (const watch of watchers) watch(line);
      }
    });
  }
  const unregister = onCleanup(`${name} (pid ${pid})`, async () => {
    if (running) await stop('SIGKILL', 5000);
  });
  void exited.then(unregister);

  const stop = async (signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30000): Promise<number | string> => {
    if (!running) return exited;
    process.kill(pid, signal);
    const timer = setTimeout(() => running && process.kill(pid, 'SIGKILL'), timeoutMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };

  const waitForLine = (matches: (line: string) => boolean, timeoutMs: number): Promise<string> => {
    const seen = lines.find(matches);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        watchers.delete(watch);
      };
      const watch = (line: string): void => {
        if (!matches(line)) return;
        done();
        resolve(line);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${name} (pid ${pid}) printed no expected line within ${timeoutMs} ms; last lines:\n${lines.slice(-10).join('\n')}`));
      }, timeoutMs);
      watchers.add(watch);
      void exited.then((code) => {
        if (!watchers.has(watch)) return;
        done();
        reject(new Error(`${name} (pid ${pid}) exited (${code}) before printing the expected line; last lines:\n${lines.slice(-10).join('\n')}`));
      });
    });
  };

  return { name, pid, child, exited, lines, waitForLine, stop, isRunning: () => running };
}

/** What a finished command produced. */
export interface CommandResult {
  code: number | string;
  output: string;
  durationMs: number;
}

/** Runs a command to its end (killed after `timeoutMs`) and returns its exit code and output. */
export async function runCommand(name: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60000): Promise<CommandResult> {
  const started = performance.now();
  const proc = startProcess(name, command, args, env);
  const timer = setTimeout(() => void proc.stop('SIGKILL'), timeoutMs);
  try {
    const code = await proc.exited;
    return { code, output: proc.lines.join('\n'), durationMs: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}
