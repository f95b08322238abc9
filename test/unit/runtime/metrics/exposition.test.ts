// The text exposition format: HELP/TYPE lines, labels escaped, histograms cumulative with +Inf, _sum, _count.
import t from 'tap';
import { formatExposition } from '../../../../runtime/metrics/exposition.js';

t.test('gauges, counters with labels, and a histogram, exactly', async (t) => {
  const text = formatExposition([
    { name: 'a_gauge', type: 'gauge', help: 'A gauge.\nSecond line \\ here.', samples: [{ value: 1 }] },
    { name: 'b_total', type: 'counter', help: 'By outcome.', samples: [{ labels: { outcome: 'ok' }, value: 2 }, { labels: { driver: 'x"y\\z\nw', k: 'v' }, value: 0.5 }] },
    { name: 'c_seconds', type: 'histogram', help: 'Durations.', histogram: { buckets: [0.1, 1], counts: [2, 1], sum: 1.75, count: 4 } },
    { name: 'd', type: 'gauge', help: 'Special values.', samples: [{ value: NaN }, { labels: { s: '+' }, value: Infinity }, { labels: { s: '-' }, value: -Infinity }] },
    { name: 'e', type: 'gauge', help: 'No samples.', samples: [] },
  ]);
  t.equal(text, [
    '# HELP a_gauge A gauge.\\nSecond line \\\\ here.',
    '# TYPE a_gauge gauge',
    'a_gauge 1',
    '# HELP b_total By outcome.',
    '# TYPE b_total counter',
    'b_total{outcome="ok"} 2',
    'b_total{driver="x\\"y\\\\z\\nw",k="v"} 0.5',
    '# HELP c_seconds Durations.',
    '# TYPE c_seconds histogram',
    'c_seconds_bucket{le="0.1"} 2',
    'c_seconds_bucket{le="1"} 3',
    'c_seconds_bucket{le="+Inf"} 4',
    'c_seconds_sum 1.75',
    'c_seconds_count 4',
    '# HELP d Special values.',
    '# TYPE d gauge',
    'd NaN',
    'd{s="+"} +Inf',
    'd{s="-"} -Inf',
    '# HELP e No samples.',
    '# TYPE e gauge',
    '',
  ].join('\n'));
});
