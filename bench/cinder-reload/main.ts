// bench/cinder-reload (issue 2's benchmark): cinder-volume under load while backend_a moves to another
// port — reload (overlap as shipped, exclusive) against a full restart, in the same run.
import { progress } from '../lib/progress.js';
import { makeScratchDir } from '../lib/scratch.js';
import { formatSpread } from '../lib/stats.js';
import { renderTable } from '../lib/table.js';
import type { BenchOptions, BenchSection } from '../report/section.js';
import { planVolumeFiles, startBackends, writeVolumeConfig } from './cinder-setup.js';
import { METHOD } from './method.js';
import { describeFailures, type FailureCounts } from '../lib/failures.js';
import { computeMoveMetrics, summariseMoves, type MoveMetrics, type MoveSummary } from './metrics.js';
import { measureBackendMove } from './scenario.js';
import { VOLUME_VARIANTS, VolumeInstance } from './volume-targets.js';

/** Runs every variant `repetitions` times (backend_a moves back and forth) and returns the section. */
export async function runCinderReload(options: BenchOptions): Promise<BenchSection> {
  const dir = await makeScratchDir('cinder');
  const backends = await startBackends();
  const { ports, processes } = backends;
  const rows: Array<{ label: string; summary?: MoveSummary; error?: string }> = [];
  try {
    for (const [index, variant] of VOLUME_VARIANTS.entries()) {
      const files = await planVolumeFiles(dir, `volume-${index}`);
      const instance = new VolumeInstance(variant, files);
      const runs: Array<MoveMetrics & { failures: FailureCounts }> = [];
      try {
        progress(`cinder-reload: ${variant.label}: starting`);
        await writeVolumeConfig(files, ports, ports.a[0]);
        await instance.start();
        for (let rep = 1; rep <= options.repetitions; rep += 1) {
          const metrics = computeMoveMetrics(await measureBackendMove(instance, backends, rep % 2 === 1 ? ports.a[0] : ports.a[1], rep % 2 === 1 ? ports.a[1] : ports.a[0]), variant.waitsForDrain);
          runs.push(metrics);
          progress(`cinder-reload: ${variant.label}: ${rep}/${options.repetitions}: failed ${metrics.failedB}/${metrics.failedA}/${metrics.longLost}, `
            + `reload.end after ${metrics.toEndMs.toFixed(0)} ms, overhead ${metrics.overheadMs.toFixed(0)} ms, b p99 ${metrics.bWindowP99.toFixed(1)} ms`);
        }
        rows.push({ label: variant.label, summary: summariseMoves(runs) });
      } catch (error) {
        progress(`cinder-reload: ${variant.label}: FAILED: ${(error as Error).message}`);
        rows.push({ label: variant.label, summary: runs.length > 0 ? summariseMoves(runs) : undefined, error: (error as Error).message });
      } finally {
        await instance.stop();
      }
    }
  } finally {
    await Promise.all(processes.map((p) => p.stop('SIGTERM', 5000)));
  }
  return { id: 'cinder-reload', title: 'cinder-volume: moving a backend under load', body: renderSection(rows, options.repetitions) };
}

/** Method and tables. */
function renderSection(rows: ReadonlyArray<{ label: string; summary?: MoveSummary; error?: string }>, repetitions: number): string {
  const cells = (s: MoveSummary | undefined, pick: (s: MoveSummary) => string[]) => (s === undefined ? ['failed'] : pick(s));
  const outcome = renderTable(
    ['way', 'failed b / a / long', 'trigger → a on new port', 'trigger → reload.end', 'longest in-flight at trigger', 'overhead beyond drain', 'trigger → driver.retired', 'retired after old backend\'s last op'],
    rows.map(({ label, summary }) => [label, ...cells(summary, (s) => [
      `${formatSpread(s.failedB)} / ${formatSpread(s.failedA)} / ${formatSpread(s.longLost)}`, formatSpread(s.toNewPortMs), formatSpread(s.toEndMs),
      formatSpread(s.longestInFlightMs), formatSpread(s.overheadMs), formatSpread(s.toRetiredMs), formatSpread(s.retiredAfterLastOpMs),
    ])]),
  );
  const latency = renderTable(
    ['way', 'b p50 steady', 'b p50 reload', 'b p99 steady', 'b p99 reload', 'a p50 reload', 'a p99 reload'],
    rows.map(({ label, summary }) => [label, ...cells(summary, (s) => [
      formatSpread(s.bSteadyP50, 1), formatSpread(s.bWindowP50, 1), formatSpread(s.bSteadyP99, 1), formatSpread(s.bWindowP99, 1),
      formatSpread(s.aWindowP50, 1), formatSpread(s.aWindowP99, 1),
    ])]),
  );
  return [
    METHOD, `Each figure: median over ${repetitions} repetitions, (min–max) when they differ; times in ms.`,
    '', '**Failures and timing of the change**', '', outcome,
    '', '**Latency (ms, from the scheduled send time); b is the backend the reload does not touch**', '', latency,
    '', '**What failed** (all repetitions together)', '',
    ...rows.map((row) => `- ${row.label}: ${(row.summary && describeFailures(row.summary.failures)) ?? 'nothing'}`),
    ...rows.filter((row) => row.error !== undefined).map((row) => `\n> ${row.label} did not complete: ${row.error}`),
  ].join('\n');
}
