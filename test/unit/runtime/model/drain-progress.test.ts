// The progress line systemd's STATUS= and the reload client share, and how long systemd is asked to wait.
import t from 'tap';
import { describeDrainProgress, DRAIN_PROGRESS_INTERVAL_MS, extendTimeoutSeconds } from '../../../../runtime/model/drain-progress.js';
import type { DrainProgressEvent } from '../../../../runtime/model/events.js';

const draining: DrainProgressEvent = {
  event: 'drain.progress', service: 'cinder-volume', pid: 1, reloadId: 4, phase: 'drain', time: 'T',
  drivers: [{ driver: 'volume:backend_a', generation: 2, inFlight: 3 }], elapsedSeconds: 18, budgetSeconds: 60, remainingSeconds: 42,
};

t.test('phase drain: the drivers, their operations, the budget left', async (t) => {
  t.equal(describeDrainProgress(draining), 'draining volume:backend_a: 3 operations, 42 s of 60 left');
  t.equal(describeDrainProgress({ ...draining, drivers: [...draining.drivers, { driver: 'volume:backend_b', generation: 1, inFlight: 1 }] }),
    'draining volume:backend_a: 3 operations, volume:backend_b: 1 operation, 42 s of 60 left');
  t.equal(DRAIN_PROGRESS_INTERVAL_MS, 5000);
  t.equal(extendTimeoutSeconds(draining), 52, 'what is left of the budget plus two intervals');
});

t.test('phase retire: the replaced generations and the time so far; no budget', async (t) => {
  const retire: DrainProgressEvent = { ...draining, phase: 'retire', budgetSeconds: undefined, remainingSeconds: undefined, elapsedSeconds: 12,
    drivers: [{ driver: 'volume:backend_a', generation: 1, inFlight: 2 }] };
  t.equal(describeDrainProgress(retire), 'waiting for replaced drivers to finish: volume:backend_a generation 1: 2 operations, 12 s so far');
  t.equal(extendTimeoutSeconds(retire), 15, 'three intervals, renewed at every report');
  t.equal(describeDrainProgress({ ...retire, drivers: [] }), 'waiting for replaced drivers to finish: no operations left, 12 s so far');
});
