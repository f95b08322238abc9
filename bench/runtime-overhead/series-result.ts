// What a series of reloads produces (in-process child and service process alike).
import type { Checkpoint } from './memory-probe.js';

/** Reloads done before the first memory checkpoint (JIT, caches). */
export const WARM_UP_RELOADS = 200;

/** Per-reload timings after the warm-up, and the memory checkpoints (every CHECKPOINT_EVERY reloads). */
export interface SeriesResult {
  /** Request → reload.end received, ms. */
  reloadMs: number[];
  /** The runtime's own reload.end durationMs. */
  durationMs: number[];
  checkpoints: Checkpoint[];
}

/** Reloads between memory checkpoints. */
export const CHECKPOINT_EVERY = 1000;

/** Whether reload number `done` (counted after the warm-up) gets a memory checkpoint. */
export function isCheckpoint(done: number): boolean {
  return done >= 0 && done % CHECKPOINT_EVERY === 0;
}
