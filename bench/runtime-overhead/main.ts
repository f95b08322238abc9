// bench/runtime-overhead: reload of 500 options across 50 sections with one section changed and
// nothing in flight — time to reload.end, and memory/handle growth over 1,000 reloads.
import { runCommand } from '../lib/processes.js';
import { progress } from '../lib/progress.js';
import { makeScratchDir } from '../lib/scratch.js';
import { percentile } from '../lib/stats.js';
import { renderTable } from '../lib/table.js';
import { builtPath } from '../lib/repo-paths.js';
import type { BenchOptions, BenchSection } from '../report/section.js';
import { TABLE_COUNT } from './big-config.js';
import { CHECKPOINT_EVERY, WARM_UP_RELOADS, type SeriesResult } from './series-result.js';
import { formatCountChange, formatHeapSeries, heapGrowthKiB } from './memory-probe.js';
import { runOverSocket } from './over-socket.js';
import { OPTIONS_PER_TABLE } from '../service/table-options.js';

/** Reloads per series (after the warm-up): the 1,000 of the target, and more to tell a leak from warm-up. */
export const RELOADS = 5000;

/** Runs both series and returns the section. */
export async function runRuntimeOverhead(_options: BenchOptions): Promise<BenchSection> {
  const dir = await makeScratchDir('overhead');
  progress(`runtime-overhead: in-process, ${WARM_UP_RELOADS} + ${RELOADS} reloads`);
  const child = await runCommand('in-process overhead', process.execPath, ['--expose-gc', builtPath('bench', 'runtime-overhead', 'in-process.js'), dir, String(RELOADS)], {}, 300000);
  const resultLine = child.output.split('\n').find((line) => line.startsWith('{"reloadMs"'));
  if (child.code !== 0 || resultLine === undefined) throw new Error(`the in-process overhead series exited ${child.code}:\n${child.output.slice(-2000)}`);
  const inProcess = JSON.parse(resultLine) as SeriesResult;
  progress(`runtime-overhead: in-process: median ${percentile(inProcess.reloadMs, 50).toFixed(2)} ms; over the control socket, ${WARM_UP_RELOADS} + ${RELOADS} reloads`);
  const overSocket = await runOverSocket(dir, RELOADS);
  progress(`runtime-overhead: control socket: median ${percentile(overSocket.reloadMs, 50).toFixed(2)} ms`);
  return { id: 'runtime-overhead', title: 'Runtime overhead of one reload', body: renderSection([['in-process `rt.reload()`, no sinks', inProcess], ['service process, control socket, log + notification file', overSocket]]) };
}

/** Method and the two tables. */
function renderSection(series: ReadonlyArray<readonly [string, SeriesResult]>): string {
  const timing = renderTable(
    ['path', 'reloads', 'to reload.end p50 (ms)', 'p99', 'max', 'reload.end durationMs p50', 'target p50 < 20 ms'],
    series.map(([label, r]) => [
      label, String(r.reloadMs.length), percentile(r.reloadMs, 50).toFixed(2), percentile(r.reloadMs, 99).toFixed(2), percentile(r.reloadMs, 100).toFixed(2),
      percentile(r.durationMs, 50).toFixed(0), percentile(r.reloadMs, 50) < 20 ? 'met' : 'MISSED',
    ]),
  );
  const memory = renderTable(
    ['path', `heap after GC every ${CHECKPOINT_EVERY} reloads, 0 → ${RELOADS} (KiB)`, `growth after ${CHECKPOINT_EVERY} reloads (KiB)`, `growth ${CHECKPOINT_EVERY} → ${RELOADS} (KiB)`, 'active resources (0 → end)', 'process listeners (0 → end)'],
    series.map(([label, r]) => [
      label, formatHeapSeries(r.checkpoints), heapGrowthKiB(r.checkpoints, 0, CHECKPOINT_EVERY).toFixed(0), heapGrowthKiB(r.checkpoints, CHECKPOINT_EVERY, RELOADS).toFixed(0),
      formatCountChange(r.checkpoints, (m) => m.resources), formatCountChange(r.checkpoints, (m) => m.processListeners),
    ]),
  );
  return [
    `A configuration of ${TABLE_COUNT * OPTIONS_PER_TABLE} options in ${TABLE_COUNT} sections, each section with a stateless driver`,
    `(overlap). Each reload rewrites the file with one option of one section changed (a different section`,
    `each time, round robin) and nothing in flight; it must succeed and re-initialise exactly that section's`,
    `driver. Timed from the request to reload.end (the file write is not timed), over all ${RELOADS} reloads. ${WARM_UP_RELOADS} warm-up reloads`,
    `come first; memory is read after a full GC (\`node --expose-gc\`) after the warm-up and every ${CHECKPOINT_EVERY} reloads,`,
    `with \`process.getActiveResourcesInfo()\` and the listeners on \`process\`. The in-process series`,
    `embeds the runtime with no sinks; the service series runs the bench service and asks for each reload`,
    `over its control socket (what \`<service> reload\` sends), with the JSON log on stderr and the`,
    `notification file written for every event. A leak grows with the number of reloads (the growth from`,
    `${CHECKPOINT_EVERY} to ${RELOADS} would be ${(RELOADS - CHECKPOINT_EVERY) / CHECKPOINT_EVERY}× the growth of the first ${CHECKPOINT_EVERY}); warm-up (code and inline caches) does not repeat.`,
    '', timing, '', memory,
  ].join('\n');
}
