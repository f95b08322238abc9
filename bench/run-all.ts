// `make bench` / `npm run bench`: runs the benchmarks, prints their tables and writes docs/benchmarks.md.
//   node build/bench/run-all.js [--only ID[,ID]] [--repetitions N] [--no-write]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCinderReload } from './cinder-reload/main.js';
import { runClientStartup } from './client-startup/main.js';
import { runControlPressure } from './control-pressure/main.js';
import { cleanUpOnSignals, runCleanups, wasInterrupted } from './lib/cleanup.js';
import { describeMachine } from './lib/machine.js';
import { progress } from './lib/progress.js';
import { REPO_ROOT } from './lib/repo-paths.js';
import { runReloadVsAlternatives } from './reload-vs-alternatives/main.js';
import { writeReport } from './report/write-report.js';
import type { BenchOptions, BenchSection } from './report/section.js';
import { runRuntimeOverhead } from './runtime-overhead/main.js';

/** Every benchmark, in run order. */
const BENCHMARKS: ReadonlyArray<{ id: string; run: (options: BenchOptions) => Promise<BenchSection> }> = [
  { id: 'reload-vs-alternatives', run: runReloadVsAlternatives },
  { id: 'runtime-overhead', run: runRuntimeOverhead },
  { id: 'cinder-reload', run: runCinderReload },
  { id: 'client-startup', run: runClientStartup },
  { id: 'control-pressure', run: runControlPressure },
];

/** Parses the command line, runs the chosen benchmarks, prints and writes the report. */
async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: true, options: {
    only: { type: 'string' }, repetitions: { type: 'string', default: '5' }, 'no-write': { type: 'boolean', default: false },
  } });
  const repetitions = Number(values.repetitions);
  if (!Number.isInteger(repetitions) || repetitions < 1 || repetitions > 50) {
    throw new Error(`expected --repetitions to be an integer from 1 to 50, got ${JSON.stringify(values.repetitions)}`);
  }
  const only = values.only?.split(',').map((id) => id.trim());
  const unknown = only?.filter((id) => !BENCHMARKS.some((b) => b.id === id)) ?? [];
  if (unknown.length > 0) throw new Error(`--only: unknown benchmark ${unknown.join(', ')} (known: ${BENCHMARKS.map((b) => b.id).join(', ')})`);

  const startedAt = new Date();
  const machine = await describeMachine();
  progress(`machine: ${machine.cpuModel}, nproc ${machine.nproc}, ${machine.memoryGiB} GiB, Node.js ${machine.node}, load ${machine.loadAtStart}`);
  const sections: BenchSection[] = [];
  for (const bench of BENCHMARKS.filter((b) => only === undefined || only.includes(b.id))) {
    progress(`${bench.id}: starting (${repetitions} repetitions)`);
    const section = await bench.run({ repetitions });
    if (wasInterrupted()) throw new Error('interrupted: no report written');
    sections.push(section);
    process.stdout.write(`\n## ${section.title}\n\n${section.body}\n\n`);
  }
  const report = {
    machine, startedAt, sections,
    command: argv.length === 0 ? 'make bench' : `npm run build && node build/bench/run-all.js ${argv.join(' ')}`,
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
  };
  if (values['no-write']) {
    progress('--no-write: docs/benchmarks.md left as it is');
  } else {
    const file = join(REPO_ROOT, 'docs', 'benchmarks.md');
    await writeReport(file, report);
    progress(`wrote ${file}`);
  }
  return 0;
}

cleanUpOnSignals();
let exitCode = 1;
try {
  exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
} finally {
  await runCleanups();
}
process.exit(exitCode);
