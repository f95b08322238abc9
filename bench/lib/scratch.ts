// Scratch folders and free loopback ports for one benchmark run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup.js';

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export { findFreePort } from '../../examples/cinder/demo/free-port.js';

/** A fresh folder under the system temp folder, removed by the cleanup registry (short path: unix sockets live there). */
export async function makeScratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `rk-bench-${prefix}-`));
  onCleanup(`scratch folder ${dir}`, () => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
