import t from 'tap';
import type { Sample } from '../../../../bench/lib/load.js';
import { computeChangeMetrics, summariseChanges } from '../../../../bench/reload-vs-alternatives/metrics.js';
import type { ChangeRun } from '../../../../bench/reload-vs-alternatives/scenario.js';

/** A short request sent at `at` (ms), answered `latency` ms later with `value` from `pid`. */
function short(at: number, value: string | undefined, pid = 1, latency = 2): Sample {
  return value === undefined
    ? { stream: 'short', intendedAt: at, doneAt: at + latency, latencyMs: latency, ok: false, error: 'ECONNREFUSED' }
    : { stream: 'short', intendedAt: at, doneAt: at + latency, latencyMs: latency, ok: true, status: 200, body: { value, pid } };
}

/** Short requests every 10 ms from `from` to `to` (exclusive), answered as `answer` says. */
function shorts(from: number, to: number, answer: (at: number) => [string | undefined, number]): Sample[] {
  const samples: Sample[] = [];
  for (let at = from; at < to; at += 10) samples.push(short(at, ...answer(at)));
  return samples;
}

const long = (ok: boolean, doneAt: number): Sample => ({ stream: 'long', intendedAt: 500, doneAt, latencyMs: doneAt - 500, ok, status: ok ? 200 : 502 });

/** A run triggered at 1000 ms with five long requests started at 500 ms (2 s each). */
function runOf(samples: Sample[], commandDoneAt = 1000): ChangeRun {
  return { previous: 'old', next: 'new', samples, longMs: 2000, triggerAt: 1000, commandDoneAt };
}

t.test('a clean switch: no failures, no mixed window, new config seen at the first new answer, same PID', async (t) => {
  const samples = [...shorts(0, 3000, (at) => [at < 1020 ? 'old' : 'new', 1]), ...Array.from({ length: 5 }, () => long(true, 2500))];
  const m = computeChangeMetrics(runOf(samples, 1004));
  t.equal(m.shortFailed, 0);
  t.equal(m.longLost, 0);
  t.equal(m.mixedMs, 0);
  t.equal(m.timeToNewMs, 22, 'first new answer: sent at 1020, answered at 1022');
  t.equal(m.commandMs, 4);
  t.equal(m.pidChanged, false);
  t.equal(m.windowRequests, 151, 'window: trigger (1000) to the long requests settled (2500)');
});

t.test('interleaved answers (two workers, one replaced first) give the mixed window by send time', async (t) => {
  const samples = [
    ...shorts(0, 3000, (at) => {
      if (at < 1500) return ['old', at % 20 === 0 ? 1 : 2];
      if (at < 2300) return at % 20 === 0 ? ['new', 3] : ['old', 2];
      return ['new', at % 20 === 0 ? 3 : 4];
    }),
    ...Array.from({ length: 5 }, () => long(true, 2500)),
  ];
  const m = computeChangeMetrics(runOf(samples, 2400));
  t.equal(m.mixedMs, 2290 - 1500, 'last old answer sent at 2290, first new one at 1500');
  t.equal(m.pidChanged, true);
});

t.test('refused requests count as failed and stay out of the latency figures; cut long requests count as lost', async (t) => {
  const samples = [
    ...shorts(0, 1000, () => ['old', 1]),
    ...shorts(1000, 1500, () => [undefined, 0]),
    ...shorts(1500, 3000, () => ['new', 2]),
    long(false, 1010), long(false, 1010), long(true, 2500),
  ];
  const m = computeChangeMetrics(runOf(samples, 1500));
  t.equal(m.shortFailed, 50);
  t.equal(m.longLost, 2);
  t.equal(m.windowRequests, 101, 'answered requests sent from 1500 to 2500');
  t.same(m.failures, { 'short: ECONNREFUSED': 50, 'long: HTTP 502: ': 2 });
});

t.test('summaries give medians with ranges and say how many repetitions changed PID', async (t) => {
  const clean = computeChangeMetrics(runOf([...shorts(0, 3000, (at) => [at < 1020 ? 'old' : 'new', 1]), long(true, 2500)]));
  const restarted = computeChangeMetrics(runOf([...shorts(0, 3000, (at) => [at < 1020 ? 'old' : 'new', at < 1020 ? 1 : 2]), long(true, 2500)]));
  const summary = summariseChanges([clean, restarted, clean]);
  t.equal(summary.pidChanged, '1 of 3');
  t.same(summary.timeToNewMs, { median: 22, min: 22, max: 22, count: 3 });
});
