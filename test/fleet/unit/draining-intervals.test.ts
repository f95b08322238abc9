// The overlap check the fleet scenarios rely on: it finds two hosts draining at once, and only then.
import t from 'tap';
import { drainingIntervals, overlappingIntervals, type Notification } from '../draining-intervals.js';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString();
const reload = (id: number, start: number, end: number, retired?: number): Notification[] => [
  { event: 'reload.start', id, time: at(start) },
  { event: 'reload.end', id, outcome: 'succeeded', time: at(end) },
  ...(retired === undefined ? [] : [{ event: 'driver.retired', reloadId: id, time: at(retired) }]),
];

t.test('an interval lasts until the last replaced driver retired', async (t) => {
  const [interval] = drainingIntervals('h1', reload(3, 10, 11, 15));
  t.same(interval, { host: 'h1', reloadId: 3, outcome: 'succeeded', startMs: Date.parse(at(10)), endMs: Date.parse(at(15)) });
  t.equal(drainingIntervals('h1', [{ event: 'reload.start', id: 1, time: at(1) }])[0]!.endMs, Number.POSITIVE_INFINITY, 'no end yet: still draining');
});

t.test('one host after the other: no overlap; a drain still going when the next starts: overlap', async (t) => {
  const serial = [...drainingIntervals('h1', reload(1, 10, 11, 12)), ...drainingIntervals('h2', reload(1, 13, 14))];
  t.same(overlappingIntervals(serial), []);
  const overlapping = [...drainingIntervals('h1', reload(1, 10, 11, 14)), ...drainingIntervals('h2', reload(1, 13, 14))];
  t.equal(overlappingIntervals(overlapping).length, 1);
  t.same(overlappingIntervals([...drainingIntervals('h1', reload(1, 10, 11)), ...drainingIntervals('h1', reload(2, 10, 12))]), [], 'one host is not two hosts');
});
