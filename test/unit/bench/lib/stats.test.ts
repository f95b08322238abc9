import t from 'tap';
import { formatSpread, percentile, spreadOf } from '../../../../bench/lib/stats.js';

t.test('percentile is nearest-rank', async (t) => {
  const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
  t.equal(percentile(values, 50), 5);
  t.equal(percentile(values, 99), 10);
  t.equal(percentile(values, 100), 10);
  t.equal(percentile(values, 0), 1);
  t.ok(Number.isNaN(percentile([], 50)), 'no values: NaN, not 0');
});

t.test('spreadOf gives median, min and max, skipping NaN (not applicable)', async (t) => {
  t.same(spreadOf([3, 1, 2]), { median: 2, min: 1, max: 3, count: 3 });
  t.same(spreadOf([4, 1, 2, 3]), { median: 2.5, min: 1, max: 4, count: 4 });
  t.same(spreadOf([Number.NaN, 7]), { median: 7, min: 7, max: 7, count: 1 });
  t.equal(spreadOf([Number.NaN]).count, 0);
});

t.test('formatSpread prints "median (min–max)", one value when they agree, – when not applicable', async (t) => {
  t.equal(formatSpread(spreadOf([10, 12, 30])), '12 (10–30)');
  t.equal(formatSpread(spreadOf([0, 0, 0])), '0');
  t.equal(formatSpread(spreadOf([1.25, 1.5]), 1), '1.4 (1.3–1.5)');
  t.equal(formatSpread(spreadOf([Number.NaN])), '–');
});
