// Memory and handle counts of the current process after a full garbage collection (node --expose-gc).

/** Heap and live-resource counts. */
export interface MemoryReport {
  gcRan: boolean;
  heapUsed: number;
  rss: number;
  /** process.getActiveResourcesInfo(), counted by type (timers, sockets, servers, …). */
  resources: Record<string, number>;
  /** Listeners on the process object, by event. */
  processListeners: Record<string, number>;
}

/** Runs a full GC (when exposed) and reports the heap and what keeps the event loop alive. */
export function measureMemory(): MemoryReport {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const resources: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) resources[type] = (resources[type] ?? 0) + 1;
  const processListeners: Record<string, number> = {};
  for (const name of process.eventNames()) processListeners[String(name)] = process.listenerCount(name);
  const usage = process.memoryUsage();
  return { gcRan: gc !== undefined, heapUsed: usage.heapUsed, rss: usage.rss, resources, processListeners };
}
