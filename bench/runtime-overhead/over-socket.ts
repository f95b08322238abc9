// The same series through a real service process: the bench service (node --expose-gc) with the
// 50 tables, its JSON log and notification-file sinks, each reload asked for over the control socket
// as the `reload` client does and answered when reload.end is out. Memory read over GET /memory.
import { join } from 'node:path';
import { sendControlRequest } from '../../runtime/control/client.js';
import { writeBenchConfig } from '../service/config-file.js';
import type { MemoryReport } from '../service/memory.js';
import { probe } from '../lib/http-probe.js';
import { findFreePort } from '../lib/scratch.js';
import { startBenchService } from '../reload-vs-alternatives/targets/runtime-target.js';
import { buildTables, changedTableOf } from './big-config.js';
import { isCheckpoint, WARM_UP_RELOADS, type SeriesResult } from './series-result.js';

/** Runs `reloads` reloads (after the warm-up) against a service process; same result shape as in-process. */
export async function runOverSocket(dir: string, reloads: number): Promise<SeriesResult> {
  const port = await findFreePort();
  const configFile = join(dir, 'socket.conf');
  const controlSocket = join(dir, 'socket.sock');
  const write = (n: number) => writeBenchConfig(configFile, {
    port, controlSocket, notificationFile: join(dir, 'socket-events.jsonl'), answer: 'overhead', tables: buildTables(n),
  });
  await write(0);
  const service = startBenchService('bench service (overhead)', configFile, 'overlap', ['--expose-gc']);
  try {
    await service.waitForLine((line) => line.includes('"msg":"ready"'), 15000);
    const result: SeriesResult = { reloadMs: [], durationMs: [], checkpoints: [] };
    const total = WARM_UP_RELOADS + reloads;
    for (let n = 1; n <= total; n += 1) {
      await write(n);
      const started = performance.now();
      const answer = await sendControlRequest(controlSocket, { command: 'reload', waitDrained: false }, { timeoutMs: 30000 });
      const elapsed = performance.now() - started;
      const expected = `table:${changedTableOf(n)}`;
      const end = answer.event;
      if (!answer.ok || end?.outcome !== 'succeeded' || end.reinitialised.join() !== expected) {
        throw new Error(`reload ${n} over the control socket: expected succeeded re-initialising only ${expected}, got ${JSON.stringify(answer)}`);
      }
      if (n > WARM_UP_RELOADS) {
        result.reloadMs.push(elapsed);
        result.durationMs.push(end.durationMs);
      }
      const done = n - WARM_UP_RELOADS;
      if (isCheckpoint(done)) {
        result.checkpoints.push({ reloads: done, memory: await readMemory(port) });
      }
    }
    return result;
  } finally {
    await service.stop('SIGTERM', 10000);
  }
}

/** GET /memory of the bench service (a full GC runs first); throws when GC is not exposed. */
async function readMemory(port: number): Promise<MemoryReport> {
  // Let the control-socket connection of the last reload close before counting handles.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const answer = await probe({ port, path: '/memory', timeoutMs: 10000 });
  const memory = answer.body as MemoryReport | undefined;
  if (!answer.ok || !memory) throw new Error(`GET /memory failed: ${answer.error}`);
  if (!memory.gcRan) throw new Error('GET /memory: the service runs without --expose-gc, heap figures would include garbage');
  return memory;
}
