// Produces a cached file or directory once, even when several test processes ask for it at the same time.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';

const staleAfterMs = 15 * 60_000;

/** Returns `path`, first running `produce(tmpPath)` and renaming its result into place when it does not exist. */
export async function ensureCached(path: string, produce: (tmpPath: string) => Promise<void>): Promise<string> {
  const lock = `${path}.lock`;
  while (!existsSync(path)) {
    try {
      await mkdir(lock);
    } catch {
      const lockStat = await stat(lock).catch(() => undefined);
      if (lockStat && Date.now() - lockStat.mtimeMs > staleAfterMs) await rm(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      if (!existsSync(path)) {
        const tmp = `${path}.tmp-${process.pid}`;
        await rm(tmp, { recursive: true, force: true });
        await produce(tmp);
        await rename(tmp, path);
      }
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
  return path;
}
