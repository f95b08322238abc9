// bench/reload-vs-alternatives: the same small HTTP service under the same load goes through one
// configuration change in each of several ways; prints and returns the tables.
import { makeScratchDir, findFreePort } from '../lib/scratch.js';
import { progress } from '../lib/progress.js';
import { renderTable } from '../lib/table.js';
import { formatSpread } from '../lib/stats.js';
import type { BenchOptions, BenchSection } from '../report/section.js';
import type { ChangeTarget } from './change-target.js';
import { computeChangeMetrics, summariseChanges, type ChangeMetrics, type ChangeSummary } from './metrics.js';
import { ensurePm2, PM2_VERSION } from './pm2-install.js';
import { DEFAULT_SHAPE, measureChange } from './scenario.js';
import { createPm2Target } from './targets/pm2-target.js';
import { createRestartTarget } from './targets/restart-target.js';
import { createRuntimeTarget } from './targets/runtime-target.js';
import { METHOD } from './method.js';
import { describeFailures } from '../lib/failures.js';

/** One row: a label and how to build its target in a scratch folder. */
interface Variant {
  label: string;
  build: (dir: string, port: number) => Promise<ChangeTarget>;
}

/** The ways compared, in table order. */
function listVariants(): Variant[] {
  const runtime = (mode: 'overlap' | 'exclusive' | 'cut', how: 'SIGHUP' | 'client', label: string): Variant => ({
    label, build: async (dir, port) => createRuntimeTarget(mode, how, { dir, port }, label),
  });
  return [
    runtime('overlap', 'SIGHUP', 'reloadkit reload, overlap, SIGHUP'),
    runtime('overlap', 'client', 'reloadkit reload, overlap, reload client'),
    runtime('exclusive', 'SIGHUP', 'reloadkit reload, exclusive, SIGHUP'),
    runtime('exclusive', 'client', 'reloadkit reload, exclusive, reload client'),
    runtime('cut', 'SIGHUP', 'reloadkit, drain disabled (cut), SIGHUP'),
    { label: 'full restart (SIGTERM, wait, start)', build: async (dir, port) => createRestartTarget({ dir, port }, 'full restart (SIGTERM, wait, start)') },
    { label: `pm2 ${PM2_VERSION} reload, cluster ×2`, build: async (dir, port) => createPm2Target(await ensurePm2(), dir, port, `pm2 ${PM2_VERSION} reload, cluster ×2`) },
  ];
}

/** Runs every variant `repetitions` times and returns the report section. */
export async function runReloadVsAlternatives(options: BenchOptions): Promise<BenchSection> {
  const dir = await makeScratchDir('reload');
  const rows: Array<{ label: string; summary?: ChangeSummary; error?: string }> = [];
  for (const [index, variant] of listVariants().entries()) {
    const target = await variant.build(dir, await findFreePort());
    const runs: ChangeMetrics[] = [];
    try {
      progress(`reload-vs-alternatives: ${variant.label}: starting`);
      await target.setUp(`v${index}-0`);
      for (let rep = 1; rep <= options.repetitions; rep += 1) {
        const run = await measureChange(target, `v${index}-${rep - 1}`, `v${index}-${rep}`);
        const metrics = computeChangeMetrics(run);
        runs.push(metrics);
        progress(`reload-vs-alternatives: ${variant.label}: ${rep}/${options.repetitions}: failed ${metrics.shortFailed}, lost ${metrics.longLost}, `
          + `new config after ${metrics.timeToNewMs.toFixed(0)} ms, mixed ${metrics.mixedMs.toFixed(0)} ms, reload p99 ${metrics.windowP99.toFixed(1)} ms`);
      }
      rows.push({ label: variant.label, summary: summariseChanges(runs) });
    } catch (error) {
      progress(`reload-vs-alternatives: ${variant.label}: FAILED: ${(error as Error).message}`);
      rows.push({ label: variant.label, summary: runs.length > 0 ? summariseChanges(runs) : undefined, error: (error as Error).message });
    } finally {
      await target.tearDown();
    }
  }
  return { id: 'reload-vs-alternatives', title: 'Reload against restart, pm2 reload and no drain', body: renderSection(rows, options.repetitions) };
}

/** The method text and both tables. */
function renderSection(rows: ReadonlyArray<{ label: string; summary?: ChangeSummary; error?: string }>, repetitions: number): string {
  const failedRows = rows.filter((row) => row.error !== undefined);
  const outcome = renderTable(
    ['way', 'short failed', `long lost (of ${DEFAULT_SHAPE.longCount})`, 'trigger → new config seen (ms)', 'mixed-answer window (ms)', 'trigger → command returned (ms)', 'PID changed'],
    rows.map(({ label, summary: s }) => s === undefined ? [label, 'failed', '', '', '', '', ''] : [
      label, formatSpread(s.shortFailed), formatSpread(s.longLost), formatSpread(s.timeToNewMs), formatSpread(s.mixedMs), formatSpread(s.commandMs), s.pidChanged,
    ]),
  );
  const latency = renderTable(
    ['way', 'steady p50', 'steady p99', 'steady max', 'reload p50', 'reload p99', 'reload max', 'requests in reload window'],
    rows.map(({ label, summary: s }) => s === undefined ? [label, 'failed', '', '', '', '', '', ''] : [
      label, formatSpread(s.steadyP50, 1), formatSpread(s.steadyP99, 1), formatSpread(s.steadyMax, 1),
      formatSpread(s.windowP50, 1), formatSpread(s.windowP99, 1), formatSpread(s.windowMax, 1), formatSpread(s.windowRequests),
    ]),
  );
  return [
    METHOD,
    `Each figure: median over ${repetitions} repetitions, (min–max) when they differ.`,
    '', '**Failures, time to the new configuration, mixed answers**', '', outcome,
    '', '**Latency of the short requests (ms, from their scheduled send time)**', '', latency,
    '', '**What failed** (all repetitions together)', '',
    ...rows.map((row) => `- ${row.label}: ${(row.summary && describeFailures(row.summary.failures)) ?? 'nothing'}`),
    ...failedRows.map((row) => `\n> ${row.label} did not complete: ${row.error}`),
  ].join('\n');
}
