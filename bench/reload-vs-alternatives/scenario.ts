// One configuration change under load: short requests every 10 ms (open loop), five 2-second requests
// started half a second before the trigger, then the change; the load runs on until the change is
// complete (new answer seen, triggering command returned, long requests settled) plus a short tail.
import { LoadRecorder, type Sample } from '../lib/load.js';
import { sleep } from '../lib/scratch.js';
import type { ChangeTarget } from './change-target.js';

/** The load shape. */
export interface LoadShape {
  intervalMs: number;
  /** Load before the trigger (the steady-state sample). */
  steadyMs: number;
  longCount: number;
  longMs: number;
  /** How long before the trigger the long requests start. */
  longLeadMs: number;
  /** Load kept after the change is complete. */
  tailMs: number;
}

/** The shape of issue 6: a short request every 10 ms, five 2 s requests in flight. */
export const DEFAULT_SHAPE: LoadShape = { intervalMs: 10, steadyMs: 1000, longCount: 5, longMs: 2000, longLeadMs: 500, tailMs: 500 };

/** Everything recorded for one change. */
export interface ChangeRun {
  previous: string;
  next: string;
  samples: Sample[];
  /** How long each long request holds the driver. */
  longMs: number;
  /** Milliseconds since the recorder's origin. */
  triggerAt: number;
  commandDoneAt: number;
}

/** Upper bound of one measurement: it stops by itself after this long. */
const MAX_CHANGE_MS = 30000;

/** Runs one change on a target that currently answers `previous`. */
export async function measureChange(target: ChangeTarget, previous: string, next: string, shape: LoadShape = DEFAULT_SHAPE): Promise<ChangeRun> {
  const recorder = new LoadRecorder();
  const maxRequests = Math.ceil(MAX_CHANGE_MS / shape.intervalMs);
  recorder.startStream({ name: 'short', intervalMs: shape.intervalMs, request: { port: target.port, path: '/short', timeoutMs: 10000 }, maxRequests, maxDurationMs: MAX_CHANGE_MS });
  try {
    await target.prepare(previous);
    await sleep(shape.steadyMs - shape.longLeadMs);
    const longs = Array.from({ length: shape.longCount }, () => recorder.fire('long', { port: target.port, path: `/long?ms=${shape.longMs}`, timeoutMs: shape.longMs + 15000 }));
    await sleep(shape.longLeadMs);
    await target.prepare(next);

    const triggerAt = recorder.now();
    let commandDoneAt = Number.NaN;
    const command = target.trigger().then(() => {
      commandDoneAt = recorder.now();
    });
    await Promise.all([command, Promise.all(longs), waitForAnswer(recorder, next, triggerAt + MAX_CHANGE_MS)]);
    await sleep(shape.tailMs);
    return { previous, next, samples: await recorder.finish(), longMs: shape.longMs, triggerAt, commandDoneAt };
  } finally {
    await recorder.finish();
  }
}

/** Resolves when some short request was answered with `value`; throws at the deadline. */
async function waitForAnswer(recorder: LoadRecorder, value: string, deadline: number): Promise<void> {
  while (!recorder.samples.some((s) => s.stream === 'short' && s.ok && s.body?.['value'] === value)) {
    if (recorder.now() > deadline) throw new Error(`no answer with the new configuration "${value}" within ${MAX_CHANGE_MS} ms of the trigger`);
    await sleep(10);
  }
}
