import t from 'tap';
import { InflightTracker } from '../../../../runtime/gate/inflight-tracker.js';

t.test('counts running and finished operations; ending twice counts once', async (t) => {
  const tracker = new InflightTracker();
  const end1 = tracker.begin();
  const end2 = tracker.begin();
  t.equal(tracker.count, 2);
  end1();
  end1();
  t.equal(tracker.count, 1);
  t.equal(tracker.finished, 1);
  end2();
  t.equal(tracker.count, 0);
  t.equal(tracker.finished, 2);
});

t.test('whenIdle resolves when the last operation ends', async (t) => {
  const tracker = new InflightTracker();
  await tracker.whenIdle();
  const end = tracker.begin();
  let idle = false;
  const waiting = tracker.whenIdle().then(() => { idle = true; });
  await new Promise((r) => setTimeout(r, 5));
  t.notOk(idle);
  end();
  await waiting;
  t.ok(idle);
});

t.test('waitIdle says whether it became idle within the time', async (t) => {
  const tracker = new InflightTracker();
  t.equal(await tracker.waitIdle(10), true);
  const end = tracker.begin();
  t.equal(await tracker.waitIdle(10), false);
  setTimeout(end, 5);
  t.equal(await tracker.waitIdle(1000), true);
});
