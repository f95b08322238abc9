// Child program (run with node --expose-gc): the runtime embedded in-process, no sinks, 50 table drivers;
// times `rt.reload()` → reload.end for each of N reloads that change one option of one section, and takes
// memory checkpoints. Prints one JSON result line on stdout.
//   node --expose-gc build/bench/runtime-overhead/in-process.js <scratch-dir> <reloads>
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRuntime, defineService, opt } from '../../runtime/index.js';
import { measureMemory } from '../service/memory.js';
import { buildTableDriver, declareTableOptions } from '../service/table-options.js';
import { buildTables, changedTableOf } from './big-config.js';
import { isCheckpoint, WARM_UP_RELOADS, type SeriesResult } from './series-result.js';

const overheadService = defineService({
  name: 'reloadkit-overhead',
  options: {
    DEFAULT: { tables: opt.list({ default: [], mutable: true, help: 'table sections' }) },
    sectionTemplates: [{ namesFrom: 'tables', options: declareTableOptions() }],
  },
  drivers: [{ kind: 'table', sections: (config) => config.get('DEFAULT', 'tables') as string[], create: (ctx) => buildTableDriver(ctx.config.section(ctx.section)) }],
});

/** Renders the INI file after `reloads` reloads. */
function renderConfig(reloads: number): string {
  const tables = buildTables(reloads);
  return [
    '[DEFAULT]', `tables = ${tables.map((t) => t.name).join(', ')}`,
    ...tables.flatMap((t) => ['', `[${t.name}]`, ...Object.entries(t.values).map(([k, v]) => `${k} = ${v}`)]),
  ].join('\n') + '\n';
}

/** Runs the series and prints the result. */
async function main(dir: string, reloads: number): Promise<void> {
  const file = join(dir, 'overhead.conf');
  await writeFile(file, renderConfig(0));
  const rt = await createRuntime(overheadService, { configFiles: [file] });
  const result: SeriesResult = { reloadMs: [], durationMs: [], checkpoints: [] };
  const total = WARM_UP_RELOADS + reloads;
  for (let n = 1; n <= total; n += 1) {
    await writeFile(file, renderConfig(n));
    const started = performance.now();
    const end = await rt.reload();
    const elapsed = performance.now() - started;
    const expected = `table:${changedTableOf(n)}`;
    if (end.outcome !== 'succeeded' || end.reinitialised.length !== 1 || end.reinitialised[0] !== expected) {
      throw new Error(`reload ${n}: expected succeeded re-initialising only ${expected}, got ${JSON.stringify(end)}`);
    }
    if (n > WARM_UP_RELOADS) {
      result.reloadMs.push(elapsed);
      result.durationMs.push(end.durationMs);
    }
    const done = n - WARM_UP_RELOADS;
    if (isCheckpoint(done)) {
      await rt.waitDrained();
      result.checkpoints.push({ reloads: done, memory: measureMemory() });
    }
  }
  await rt.stop();
  process.stdout.write(JSON.stringify(result) + '\n');
}

const [dir, count] = process.argv.slice(2);
if (dir === undefined || !Number.isInteger(Number(count)) || Number(count) < 1) {
  process.stderr.write(`usage: in-process.js <scratch-dir> <number of reloads>, got ${JSON.stringify(process.argv.slice(2))}\n`);
  process.exit(2);
}
await main(dir, Number(count));
