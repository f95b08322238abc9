import t from 'tap';
import { ReloadCoalescer } from '../../../../runtime/controller/coalescer.js';
import { holdWork, settle, type HeldWork } from '../../../helpers/fake-drivers.js';

/** A coalescer whose runs the test finishes by hand; each run resolves with "run N (trigger)". */
function createHarness() {
  const runs: Array<{ trigger: string; work: HeldWork }> = [];
  let active = 0;
  let maxActive = 0;
  const coalescer = new ReloadCoalescer<string, string>(async (trigger) => {
    const work = holdWork();
    runs.push({ trigger, work });
    active += 1;
    maxActive = Math.max(maxActive, active);
    await work.promise;
    active -= 1;
    return `run ${runs.length} (${trigger})`;
  });
  return { coalescer, runs, maxActive: () => maxActive };
}

t.test('one run at a time; requests during a run share one follow-up that starts after it', async (t) => {
  const { coalescer, runs, maxActive } = createHarness();
  const first = coalescer.request('SIGHUP');
  await settle();
  const second = coalescer.request('control-socket');
  const third = coalescer.request('SIGHUP');
  const fourth = coalescer.request('api');
  t.equal(runs.length, 1, 'the follow-up has not started');
  t.ok(coalescer.busy);
  t.ok(coalescer.hasQueued);
  runs[0]!.work.finish();
  t.equal(await first, 'run 1 (SIGHUP)');
  await settle();
  t.equal(runs.length, 2, 'exactly one follow-up for three requests');
  t.equal(runs[1]!.trigger, 'control-socket', 'the follow-up carries the first joiner\'s trigger');
  runs[1]!.work.finish();
  t.same(await Promise.all([second, third, fourth]), ['run 2 (control-socket)', 'run 2 (control-socket)', 'run 2 (control-socket)']);
  t.equal(maxActive(), 1);
  t.notOk(coalescer.busy);
});

t.test('a request while the follow-up runs gets a new follow-up, not the running one', async (t) => {
  const { coalescer, runs } = createHarness();
  const first = coalescer.request('a');
  await settle();
  const second = coalescer.request('b');
  runs[0]!.work.finish();
  await first;
  await settle();
  const third = coalescer.request('c');
  runs[1]!.work.finish();
  t.equal(await second, 'run 2 (b)');
  await settle();
  runs[2]!.work.finish();
  t.equal(await third, 'run 3 (c)');
});

t.test('a failing run rejects its callers and the queue goes on', async (t) => {
  const coalescer = new ReloadCoalescer<string, string>(async (trigger) => {
    if (trigger === 'bad') throw new Error('boom');
    return trigger;
  });
  const bad = coalescer.request('bad');
  const good = coalescer.request('good');
  await t.rejects(bad, { message: 'boom' });
  t.equal(await good, 'good');
});

t.test('cancelQueued answers the queued callers without running; whenIdle waits for the running one', async (t) => {
  const { coalescer, runs } = createHarness();
  const first = coalescer.request('a');
  const queued = coalescer.request('b');
  coalescer.cancelQueued((trigger) => `cancelled (${trigger})`);
  t.equal(await queued, 'cancelled (b)');
  let idle = false;
  const idleWait = coalescer.whenIdle().then(() => { idle = true; });
  await settle();
  t.notOk(idle);
  runs[0]!.work.finish();
  await idleWait;
  t.equal(await first, 'run 1 (a)');
  await settle();
  t.equal(runs.length, 1, 'the cancelled follow-up never ran');
});
