// Starts Debian's dockerd in the background when no Docker daemon answers (root only). The daemon is left
// running for the next run; its output goes to a log file in the harness's cache folder.

import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HarnessError } from './errors.js';
import { logProgress } from './log.js';
import { findExecutable } from './paths.js';

// How long dockerd gets to answer after it was started.
export const dockerdStartTimeoutMs = 60_000;

// The last `lines` lines of a file, or a note saying it could not be read.
export function readTail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch (error) {
    return `(cannot read ${file}: ${(error as Error).message})`;
  }
}

// Starts dockerd detached, logging to <logDir>/dockerd.log, and waits until `answers()` says it is up.
export async function startDockerd(answers: () => Promise<boolean>, logDir: string): Promise<void> {
  const dockerd = findExecutable('dockerd', `${process.env['PATH'] ?? ''}:/usr/sbin:/sbin`);
  if (!dockerd) {
    throw new HarnessError(
      'cannot run the container tests: no Docker daemon answers and dockerd is not installed; ' +
        "install Debian's docker.io as root: bash scripts/install-deps.sh",
    );
  }
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, 'dockerd.log');
  const log = openSync(logFile, 'a');
  logProgress('docker', `no daemon answers; starting ${dockerd} in the background (log: ${logFile})`);
  const child = spawn(dockerd, [], { detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = signal ? `killed by ${signal}` : `exited with code ${String(code)}`;
  });
  child.on('error', (error) => {
    exited = `could not be started: ${error.message}`;
  });
  child.unref();

  const deadline = Date.now() + dockerdStartTimeoutMs;
  while (Date.now() < deadline) {
    if (await answers()) {
      logProgress('docker', `dockerd (pid ${String(child.pid)}) answers`);
      return;
    }
    if (exited) break;
    await sleep(500);
  }
  const what = exited ? `dockerd ${exited}` : `dockerd did not answer within ${dockerdStartTimeoutMs / 1000} s`;
  throw new HarnessError(`cannot run the container tests: ${what}; last lines of ${logFile}:\n${readTail(logFile)}`);
}
