// Every read of configuration has a deadline: a file system that stops answering (a hung NFS mount, a
// FUSE daemon) fails the read after CONFIG_READ_DEADLINE_MS instead of holding the reload forever. The
// read itself cannot be cancelled: it is abandoned, remembered until it returns, and the same path is
// not read again meanwhile (each stuck read holds one of libuv's four threads).
import { ConfigError } from './errors.js';

/** 10 s per file (and for listing the files): reading a configuration normally takes milliseconds. */
export const CONFIG_READ_DEADLINE_MS = 10_000;

/** Paths whose read passed its deadline and has not returned yet, with when that read started. */
const abandoned = new Map<string, number>();

/** How many abandoned reads are still pending (a thread of the process is stuck in each). */
export function countAbandonedReads(): number {
  return abandoned.size;
}

/** "not read within 10 s: …" — the problem a read that passed its deadline gets. */
export function deadlineProblem(ms: number): string {
  return `not read within ${ms / 1000} s: abandoned (is its file system answering?); nothing of it is used`;
}

/**
 * `read(path)`, or a ConfigError naming `path` ("cannot read <what>: …") when it has not settled within `ms` (the read is then
 * abandoned), or at once when an earlier abandoned read of `path` is still pending.
 */
export async function readWithDeadline<T>(path: string, ms: number, read: (path: string) => Promise<T>, what = 'config file'): Promise<T> {
  const pendingSince = abandoned.get(path);
  if (pendingSince !== undefined) {
    const seconds = Math.round((performance.now() - pendingSince) / 1000);
    throw new ConfigError(`cannot read ${what}: an earlier read of it, started ${seconds} s ago, has not returned; not reading it again until it does`, { file: path });
  }
  const started = performance.now();
  const work = read(path);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      abandoned.set(path, started);
      work.then(() => abandoned.delete(path), () => abandoned.delete(path));
      reject(new ConfigError(`cannot read ${what}: ${deadlineProblem(ms)}`, { file: path }));
    }, ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}
