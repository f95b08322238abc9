// bench/client-startup: the synchronous reload client's start-up against `node -e 0` and against the
// floor (a minimal control-socket client), with a running cinder-volume to talk to.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { builtPath } from '../lib/repo-paths.js';
import { progress } from '../lib/progress.js';
import { makeScratchDir } from '../lib/scratch.js';
import { formatSpread, spreadOf } from '../lib/stats.js';
import { renderTable } from '../lib/table.js';
import type { BenchOptions, BenchSection } from '../report/section.js';
import { planVolumeFiles, startBackends, writeVolumeConfig } from '../cinder-reload/cinder-setup.js';
import { startProcess } from '../lib/processes.js';
import { METHOD } from './method.js';

/** Rounds per repetition: one start-up is short, so each repetition is several rounds. */
const ROUNDS_PER_REPETITION = 10;

/** One timed program start: wall time from spawn to exit and the program's own CPU time. */
interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** A program the rounds start, in table order. */
interface Variant {
  label: string;
  args: (files: { configFile: string; controlSocket: string }) => string[];
}

const EXAMPLE = builtPath('examples', 'cinder', 'cinder-volume', 'main.js');
const VARIANTS: readonly Variant[] = [
  { label: 'node -e 0', args: () => ['-e', '0'] },
  { label: 'floor: minimal socket client', args: (f) => [builtPath('bench', 'client-startup', 'floor-client.js'), f.controlSocket] },
  { label: 'cinder-volume status', args: (f) => [EXAMPLE, 'status', '--config-file', f.configFile] },
  { label: 'cinder-volume reload (unchanged file)', args: (f) => [EXAMPLE, 'reload', '--config-file', f.configFile] },
];

/** Runs the rounds and returns the report section. */
export async function runClientStartup(options: BenchOptions): Promise<BenchSection> {
  const dir = await makeScratchDir('client');
  const backends = await startBackends();
  const files = await planVolumeFiles(dir, 'volume');
  await writeVolumeConfig(files, backends.ports, backends.ports.a[0]);
  const volume = startProcess('cinder-volume', process.execPath, [EXAMPLE, '--config-file', files.configFile]);
  const timings = VARIANTS.map(() => [] as Timing[]);
  try {
    await volume.waitForLine((line) => line.includes('"msg":"ready"'), 15000);
    const rounds = options.repetitions * ROUNDS_PER_REPETITION;
    for (let round = 1; round <= rounds; round += 1) {
      for (const [index, variant] of VARIANTS.entries()) timings[index]?.push(await timeProgram(variant.label, variant.args(files)));
      if (round % ROUNDS_PER_REPETITION === 0) progress(`client-startup: round ${round}/${rounds}`);
    }
  } finally {
    await volume.stop('SIGTERM', 10000);
    await Promise.all(backends.processes.map((p) => p.stop('SIGTERM', 5000)));
  }
  return { id: 'client-startup', title: 'The reload client\'s start-up', body: renderSection(timings) };
}

/** Starts `node args` with the CPU probe preloaded; rejects when it does not exit 0. */
function timeProgram(label: string, args: readonly string[]): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', builtPath('bench', 'client-startup', 'cpu-probe.cjs'), ...args], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let cpu = '';
    let stderr = '';
    child.stdio[2]?.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    const probe = child.stdio[3] as Readable;
    probe.setEncoding('utf8').on('data', (chunk: string) => { cpu += chunk; });
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      const settle = () => {
        if (code !== 0) reject(new Error(`${label}: exit ${code}: ${stderr.trim()}`));
        else resolve({ wallMs, cpuMs: Number(cpu.trim()) });
      };
      if (probe.readableEnded || probe.destroyed) settle(); else probe.on('close', settle);
    });
  });
}

/** The method and the table: medians with min–max, and the median difference to `node -e 0` per round. */
function renderSection(timings: ReadonlyArray<readonly Timing[]>): string {
  const base = timings[0] ?? [];
  const over = (runs: readonly Timing[], pick: (t: Timing) => number) => spreadOf(runs.map((run, i) => pick(run) - pick(base[i] ?? run)));
  const table = renderTable(
    ['program', 'wall (ms)', 'CPU (ms)', 'wall over node -e 0', 'CPU over node -e 0'],
    VARIANTS.map((variant, index) => {
      const runs = timings[index] ?? [];
      return [variant.label, formatSpread(spreadOf(runs.map((r) => r.wallMs))), formatSpread(spreadOf(runs.map((r) => r.cpuMs))),
        index === 0 ? '–' : formatSpread(over(runs, (r) => r.wallMs)), index === 0 ? '–' : formatSpread(over(runs, (r) => r.cpuMs))];
    }),
  );
  return `${METHOD}\n\n${table}\n\n${base.length} rounds; median (min–max).`;
}
