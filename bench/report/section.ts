// What each benchmark hands to the report: a titled Markdown section (method, tables, notes).

/** One benchmark's part of docs/benchmarks.md (and of the terminal output). */
export interface BenchSection {
  /** Folder name under bench/, also accepted by --only. */
  id: string;
  title: string;
  /** Markdown: how it was measured, then the tables the run produced. */
  body: string;
}

/** How a benchmark is run. */
export interface BenchOptions {
  /** Repetitions per variant. */
  repetitions: number;
}
