import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import { mapWithLimit } from '../limit.js';

t.test('never more than `limit` in flight, results in input order', async (t) => {
  let inFlight = 0;
  let most = 0;
  const results = await mapWithLimit([30, 10, 20, 5, 1], 2, async (ms) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await sleep(ms);
    inFlight -= 1;
    return ms * 2;
  });
  t.same(results, [60, 20, 40, 10, 2]);
  t.equal(most, 2);
});

t.test('an error rejects only after the other items settled', async (t) => {
  const settled: number[] = [];
  await t.rejects(
    mapWithLimit([1, 2, 3], 2, async (n) => {
      await sleep(n * 5);
      settled.push(n);
      if (n === 1) throw new Error('item 1 failed');
      return n;
    }),
    { message: 'item 1 failed' },
  );
  t.same(settled, [1, 2, 3]);
});
