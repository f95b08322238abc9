// One move of backend_a to another port under load: a create_volume request every 10 ms to each
// backend (open loop), five 2-second operations on backend_a started 0.5 s before the trigger; the load
// runs until the change is complete (backend_a answers from its new port, command returned, long
// operations settled, reload.end and driver.retired seen) plus a short tail.
import { LoadRecorder, type Sample } from '../lib/load.js';
import { readEvents, waitForEvent } from '../lib/notifications.js';
import { sleep } from '../lib/scratch.js';
import { writeVolumeConfig, type Backends } from './cinder-setup.js';
import type { VolumeInstance } from './volume-targets.js';

/** Everything recorded for one move; times in ms since the recorder's origin. */
export interface MoveRun {
  samples: Sample[];
  toPort: number;
  triggerAt: number;
  commandDoneAt: number;
  /** reload.end of the reload the trigger caused (reloading variants). */
  endAt?: number;
  endDurationMs?: number;
  /** driver.retired of backend_a's replaced generation (reloading variants). */
  retiredAt?: number;
  /** When the old backend finished its last operation (its own log). */
  oldBackendLastOpAt?: number;
}

/** Upper bound of one measurement. */
const MAX_MOVE_MS = 30000;
const LONG_MS = 2000;
const LONG_COUNT = 5;

/** Moves backend_a from its current port to `toPort` the instance's way, under load. */
export async function measureBackendMove(instance: VolumeInstance, backends: Backends, fromPort: number, toPort: number): Promise<MoveRun> {
  const { files, variant } = instance;
  const create = (backend: string, durationMs: number, timeoutMs: number) => ({
    port: files.apiPort, path: '/v3/volumes', method: 'POST' as const, body: { backend, size: 1, duration_ms: durationMs }, timeoutMs,
  });
  const recorder = new LoadRecorder();
  const bounds = { maxRequests: MAX_MOVE_MS / 10, maxDurationMs: MAX_MOVE_MS };
  recorder.startStream({ name: 'b', intervalMs: 10, request: create('backend_b', 0, 10000), ...bounds });
  recorder.startStream({ name: 'a', intervalMs: 10, offsetMs: 5, request: create('backend_a', 0, 10000), ...bounds });
  try {
    await sleep(500);
    const longs = Array.from({ length: LONG_COUNT }, () => recorder.fire('long', create('backend_a', LONG_MS, LONG_MS + 15000)));
    await sleep(500);
    await writeVolumeConfig(files, backends.ports, toPort);
    const lastId = Math.max(0, ...(await readEvents(files.notificationFile)).map((e) => (e.event === 'reload.end' ? e.id : 0)));

    const wallOrigin = Date.now() - recorder.now();
    const triggerAt = recorder.now();
    let commandDoneAt = Number.NaN;
    const command = instance.trigger().then(() => {
      commandDoneAt = recorder.now();
    });
    const movedSeen = waitUntil(() => recorder.samples.some((s) => s.stream === 'a' && s.ok && s.body?.['backend_port'] === toPort), triggerAt + MAX_MOVE_MS, recorder, `backend_a answering from port ${toPort}`);
    await Promise.all([command, Promise.all(longs), movedSeen]);
    const run: MoveRun = { samples: [], toPort, triggerAt, commandDoneAt };
    if (variant.reloads) {
      const end = await waitForEvent(files.notificationFile, (events) => events.find((e) => e.event === 'reload.end' && e.id > lastId), MAX_MOVE_MS, 'reload.end');
      if (end.event !== 'reload.end' || end.outcome !== 'succeeded') throw new Error(`${variant.label}: the reload did not succeed: ${JSON.stringify(end)}`);
      run.endAt = Date.parse(end.time) - wallOrigin;
      run.endDurationMs = end.durationMs;
      const retired = await waitForEvent(files.notificationFile, (events) => events.find((e) => e.event === 'driver.retired' && e.reloadId === end.id && e.driver === 'volume:backend_a'), MAX_MOVE_MS, 'driver.retired of volume:backend_a');
      run.retiredAt = Date.parse(retired.time) - wallOrigin;
    }
    const lastOp = backends.findLastOperationEnd(fromPort);
    if (lastOp !== undefined) run.oldBackendLastOpAt = lastOp - wallOrigin;
    await sleep(500);
    run.samples = await recorder.finish();
    return run;
  } finally {
    await recorder.finish();
  }
}

/** Polls `done` every 10 ms until it holds; throws at `deadline` (recorder time). */
async function waitUntil(done: () => boolean, deadline: number, recorder: LoadRecorder, what: string): Promise<void> {
  while (!done()) {
    if (recorder.now() > deadline) throw new Error(`no ${what} within ${MAX_MOVE_MS} ms of the trigger`);
    await sleep(10);
  }
}
