// One process at a time for work that must not run twice at once (building an image, starting dockerd),
// since tap runs test files in parallel: a lock file in the cache folder holding the holder's PID; a lock
// whose process is gone is taken over.

import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { logProgress } from './log.js';

function ownerIsAlive(lockFile: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lockFile, 'utf8').trim());
  } catch {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Runs `work` holding the lock named `name` in `dir`; waits (printing who holds it) while another process does.
export async function withProcessLock<T>(dir: string, name: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, `${name}.lock`);
  let waiting = false;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!ownerIsAlive(lockFile)) {
        rmSync(lockFile, { force: true });
        continue;
      }
      if (!waiting) logProgress(name, `waiting for another process that holds ${lockFile}`);
      waiting = true;
      await sleep(2000);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
