// Memory checkpoints of a long series of reloads and what they say about growth.
import type { MemoryReport } from '../service/memory.js';

/** One checkpoint: after how many reloads, and the memory report taken then. */
export interface Checkpoint {
  reloads: number;
  memory: MemoryReport;
}

/** Sum of the resource counts (timers, sockets, servers, …). */
export function countResources(memory: MemoryReport): number {
  return Object.values(memory.resources).reduce((sum, count) => sum + count, 0);
}

/** Sum of the listeners on the process object. */
export function countProcessListeners(memory: MemoryReport): number {
  return Object.values(memory.processListeners).reduce((sum, count) => sum + count, 0);
}

/** "a → b → c" of heap KiB across checkpoints. */
export function formatHeapSeries(checkpoints: readonly Checkpoint[]): string {
  return checkpoints.map((c) => (c.memory.heapUsed / 1024).toFixed(0)).join(' → ');
}

/** Heap growth in KiB from the checkpoint at `from` reloads to the one at `to` (NaN when either is missing). */
export function heapGrowthKiB(checkpoints: readonly Checkpoint[], from: number, to: number): number {
  const start = checkpoints.find((c) => c.reloads === from);
  const end = checkpoints.find((c) => c.reloads === to);
  return start && end ? (end.memory.heapUsed - start.memory.heapUsed) / 1024 : Number.NaN;
}

/** "a → b" of a count across the first and last checkpoint, with the kinds that changed. */
export function formatCountChange(checkpoints: readonly Checkpoint[], pick: (m: MemoryReport) => Record<string, number>): string {
  const first = checkpoints[0];
  const last = checkpoints[checkpoints.length - 1];
  if (!first || !last) return '–';
  const before = pick(first.memory);
  const after = pick(last.memory);
  const total = (record: Record<string, number>) => Object.values(record).reduce((sum, n) => sum + n, 0);
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((kind) => (before[kind] ?? 0) !== (after[kind] ?? 0))
    .map((kind) => `${kind} ${before[kind] ?? 0}→${after[kind] ?? 0}`);
  return `${total(before)} → ${total(after)}${changed.length > 0 ? ` (${changed.join(', ')})` : ''}`;
}
