// Cleanup registry: whatever a benchmark starts (processes, scratch folders, the pm2 daemon) is undone
// at the end of the run, also when a benchmark throws or the run is interrupted.

/** Something to undo; it must not throw (errors are reported and the others still run). */
export type Cleanup = () => Promise<void> | void;

const cleanups: Array<{ what: string; undo: Cleanup }> = [];
let running: Promise<void> | undefined;

/** Registers an undo step; returns the function that unregisters it (after it was done by hand). */
export function onCleanup(what: string, undo: Cleanup): () => void {
  const entry = { what, undo };
  cleanups.push(entry);
  return () => {
    const at = cleanups.indexOf(entry);
    if (at !== -1) cleanups.splice(at, 1);
  };
}

/** Runs every registered step, newest first, once; errors are printed, never thrown. */
export function runCleanups(): Promise<void> {
  running ??= (async () => {
    while (cleanups.length > 0) {
      const entry = cleanups.pop();
      if (!entry) break;
      try {
        await entry.undo();
      } catch (error) {
        process.stderr.write(`bench: cleanup of ${entry.what} failed: ${(error as Error).message}\n`);
      }
    }
  })().finally(() => {
    running = undefined;
  });
  return running;
}

let interrupted = false;

/** True once SIGINT/SIGTERM arrived: the run must not write a report from partial results. */
export function wasInterrupted(): boolean {
  return interrupted;
}

/** On SIGINT/SIGTERM: clean up, then exit 130/143 (a second signal exits at once). */
export function cleanUpOnSignals(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      if (interrupted) process.exit(code);
      interrupted = true;
      process.stderr.write(`\nbench: ${signal} received, cleaning up\n`);
      void runCleanups().finally(() => process.exit(code));
    });
  }
}
