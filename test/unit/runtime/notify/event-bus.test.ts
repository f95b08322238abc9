import t from 'tap';
import { EventBus } from '../../../../runtime/notify/event-bus.js';
import type { RuntimeEvent } from '../../../../runtime/model/events.js';
import { settle } from '../../../helpers/fake-drivers.js';

const start = (id: number): RuntimeEvent => ({ event: 'reload.start', service: 's', pid: 1, id, trigger: 'api', time: 't' });

t.test('listeners by name and "*"; unsubscribe; a throwing listener is reported and others still run', async (t) => {
  const failures: string[] = [];
  const bus = new EventBus((what, error) => failures.push(`${what}: ${(error as Error).message}`));
  const seen: string[] = [];
  bus.on('reload.start', () => { throw new Error('listener bug'); });
  const off = bus.on('reload.start', (e) => seen.push(`named ${(e as { id: number }).id}`));
  bus.on('*', (e) => seen.push(`any ${e.event}`));
  await bus.emit(start(1));
  off();
  await bus.emit(start(2));
  t.same(seen, ['named 1', 'any reload.start', 'any reload.start']);
  t.same(failures, ['listener of reload.start failed: listener bug', 'listener of reload.start failed: listener bug']);
});

t.test('each sink gets events in order even when deliveries are slow; emit waits for delivery', async (t) => {
  const bus = new EventBus(() => {});
  const delivered: number[] = [];
  bus.addSink({
    name: 'slow',
    deliver: async (event) => {
      const id = (event as { id: number }).id;
      await settle(id === 1 ? 20 : 0);
      delivered.push(id);
    },
  });
  const first = bus.emit(start(1));
  const second = bus.emit(start(2));
  await second;
  t.same(delivered, [1, 2]);
  await first;
});

t.test('a failing sink is reported and never stops the others; close closes every sink once', async (t) => {
  const failures: string[] = [];
  const bus = new EventBus((what, error) => failures.push(`${what}: ${(error as Error).message}`));
  const good: string[] = [];
  let closes = 0;
  bus.addSink({ name: 'broken', deliver: () => { throw new Error('disk full'); }, close: async () => { throw new Error('close failed'); } });
  bus.addSink({ name: 'good', deliver: (e) => { good.push(e.event); }, close: async () => { closes += 1; } });
  await bus.emit(start(1));
  await bus.close();
  await bus.close();
  await bus.emit(start(2));
  t.same(good, ['reload.start'], 'nothing reaches sinks after close');
  t.equal(closes, 1);
  t.same(failures, [
    'notification sink broken failed to deliver reload.start: disk full',
    'notification sink broken failed to close: close failed',
  ]);
});
