// Progress lines on stderr, with the time since the run started.
const started = performance.now();

/** Prints one progress line. */
export function progress(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}
