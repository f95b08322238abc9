// Reads the runtime's notification file (one JSON event per line) to time reload.end and driver.retired.
import { readFile } from 'node:fs/promises';
import type { RuntimeEvent } from '../../runtime/index.js';

/** Every complete event line of the file; [] when it does not exist yet. */
export async function readEvents(file: string): Promise<RuntimeEvent[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`cannot read the notification file ${file}: ${(error as Error).message}`, { cause: error });
  }
  return text.split('\n').filter((line) => line.trim() !== '').flatMap((line) => {
    try {
      return [JSON.parse(line) as RuntimeEvent];
    } catch {
      return [];
    }
  });
}

/** Polls the file until `find` returns something, or throws after `timeoutMs`. */
export async function waitForEvent<T>(file: string, find: (events: RuntimeEvent[]) => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const found = find(await readEvents(file));
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no ${what} in ${file} within ${timeoutMs} ms`);
}
