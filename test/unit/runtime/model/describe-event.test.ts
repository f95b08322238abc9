// What the reload client prints for progress and outcomes.
import t from 'tap';
import type { ReloadEndEvent } from '../../../../runtime/model/events.js';
import { describeOutcome, describeProgress } from '../../../../runtime/model/describe-event.js';

const end: ReloadEndEvent = {
  event: 'reload.end', service: 's', pid: 1, id: 4, trigger: 'control-socket', time: 'T', outcome: 'succeeded',
  changed: ['DEFAULT.debug', 'backend_a.san_port'], restartRequired: ['DEFAULT.volume_api_listen'], reinitialised: ['volume:backend_a'], durationMs: 17,
};

t.test('outcomes', async (t) => {
  t.equal(describeOutcome(end), 'reload 4 succeeded in 17 ms; changed: DEFAULT.debug, backend_a.san_port; re-initialised: volume:backend_a; NOT applied, restart required: DEFAULT.volume_api_listen');
  t.equal(describeOutcome({ ...end, changed: [], reinitialised: [], restartRequired: [] }), 'reload 4 succeeded in 17 ms; changed: nothing; re-initialised: none');
  t.equal(describeOutcome({ ...end, outcome: 'failed', error: { message: 'a.conf:3: [x] y: bad' } }), 'reload 4 failed in 17 ms: a.conf:3: [x] y: bad\nthe service keeps running with its previous configuration');
});

t.test('progress', async (t) => {
  t.equal(describeProgress({ event: 'reload.start', service: 's', pid: 1, id: 4, trigger: 'SIGHUP', time: 'T' }), 'reload 4 started (trigger: SIGHUP)');
  t.equal(describeProgress({ event: 'driver.retired', service: 's', pid: 1, reloadId: 4, driver: 'volume:a', generation: 1, operationsFinished: 5, time: 'T' }), 'driver volume:a generation 1 retired after finishing 5 operation(s)');
});
