// What a series of reloads produces (in-process child and service process alike).
import type { Checkpoint } from './memory-probe.js';

/** Reloads done before the first memory checkpoint (JIT, caches). */
export const WARM_UP_RELOADS = 200;

/** Per-reload timings after the warm-up, and the memory checkpoints (0, half way, end). */
export interface SeriesResult {
  /** Request → reload.end received, ms. */
  reloadMs: number[];
  /** The runtime's own reload.end durationMs. */
  durationMs: number[];
  checkpoints: Checkpoint[];
}

/** Whether reload number `done` (counted after the warm-up) gets a memory checkpoint. */
export function isCheckpoint(done: number, reloads: number): boolean {
  return done === 0 || (done > 0 && done % (reloads / 2) === 0);
}
