// Readiness on a file descriptor: one newline written to the descriptor named in RELOADKIT_READY_FD, which
// is then closed. s6's notification-fd and dinit's pipefd readiness work this way; the runtime announces
// it where it sends systemd READY=1: once the control socket answers.
import { closeSync, writeSync } from 'node:fs';

/** The environment variable naming the descriptor (a number ≥ 3). */
export const READY_FD_VARIABLE = 'RELOADKIT_READY_FD';

/** Announces readiness once; later calls do nothing. */
export interface ReadyFdNotifier {
  fd: number;
  ready(): void;
}

/**
 * The notifier for RELOADKIT_READY_FD, or undefined when it is not set. A value that is not a descriptor
 * number ≥ 3 is reported through `onError` and ignored (0–2 are the standard streams).
 */
export function createReadyFdNotifier(env: NodeJS.ProcessEnv = process.env, onError: (error: Error) => void = logError): ReadyFdNotifier | undefined {
  const value = env[READY_FD_VARIABLE];
  if (value === undefined || value === '') return undefined;
  const fd = Number(value);
  if (!/^\d+$/.test(value) || fd < 3) {
    onError(new Error(`${READY_FD_VARIABLE}: expected a file descriptor number of 3 or more, got ${JSON.stringify(value)}; readiness is not announced`));
    return undefined;
  }
  let done = false;
  return {
    fd,
    ready() {
      if (done) return;
      done = true;
      try {
        writeSync(fd, '\n');
        closeSync(fd);
      } catch (error) {
        onError(new Error(`${READY_FD_VARIABLE}=${fd}: cannot announce readiness: ${(error as Error).message}`, { cause: error }));
      }
    },
  };
}

/** Logs a failed announcement as one JSON line on stderr. */
function logError(error: Error): void {
  process.stderr.write(JSON.stringify({ level: 'error', msg: 'ready fd', error: error.message }) + '\n');
}
