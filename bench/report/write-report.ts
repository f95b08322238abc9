// Writes docs/benchmarks.md from one run: machine, exact command, then each benchmark's section.
import { writeFile } from 'node:fs/promises';
import { formatMachine, type MachineDescription } from '../lib/machine.js';
import type { BenchSection } from './section.js';

/** What the report is made of. */
export interface RunReport {
  machine: MachineDescription;
  command: string;
  startedAt: Date;
  durationSeconds: number;
  sections: readonly BenchSection[];
}

/** Renders the whole page. */
export function renderReport(report: RunReport): string {
  return [
    '# Benchmarks',
    '',
    'Written by `make bench` (bench/run-all.ts) from the run described below; the numbers are not edited by',
    'hand. Run it again to reproduce them on your machine. All traffic stays on 127.0.0.1; every process and',
    'scratch folder a benchmark starts is removed at the end, also when it fails or is interrupted. The first',
    'run installs pm2 with npm into .cache/bench/pm2 (git-ignored; not a project dependency).',
    '',
    'A part, fewer repetitions, without touching this page: `npm run build && node build/bench/run-all.js',
    '--only reload-vs-alternatives,runtime-overhead,cinder-reload,client-startup --repetitions 2 --no-write`.',
    '',
    '## The run',
    '',
    `- command: \`${report.command}\``,
    `- started ${report.startedAt.toISOString()}, took ${report.durationSeconds.toFixed(0)} s`,
    formatMachine(report.machine),
    '',
    ...report.sections.flatMap((section) => [`## ${section.title} (bench/${section.id})`, '', section.body, '']),
  ].join('\n');
}

/** Writes the page. */
export async function writeReport(file: string, report: RunReport): Promise<void> {
  await writeFile(file, renderReport(report));
}
