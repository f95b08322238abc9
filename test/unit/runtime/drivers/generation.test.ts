import t from 'tap';
import { Generation } from '../../../../runtime/drivers/generation.js';
import type { DriverSpec } from '../../../../runtime/drivers/driver-spec.js';

const context = { kind: 'v', section: 'a', key: 'v:a', generation: 3, config: undefined as never };

t.test('retires only after its last operation, counting the ones finished after replacement', async (t) => {
  let closed = 0;
  const spec: DriverSpec = { kind: 'v', sections: () => [], create: () => ({}), close: () => { closed += 1; } };
  const generation = new Generation(spec, context, {});
  generation.tracker.begin()();
  const end = generation.tracker.begin();
  generation.markReplaced(7);
  t.equal(generation.state, 'draining');
  t.equal(generation.replacedBy, 7);
  const retired = generation.retire();
  t.equal(generation.retire(), retired, 'one retirement');
  await new Promise((r) => setTimeout(r, 5));
  t.equal(closed, 0);
  end();
  t.equal(await retired, 1, 'the operation finished before replacement is not counted');
  t.equal(closed, 1);
  t.equal(generation.state, 'closed');
  await generation.close();
  t.equal(closed, 1, 'closed once');
  t.equal(generation.key, 'v:a');
  t.equal(generation.number, 3);
});

t.test('without spec.close the driver\'s own close() is used; a driver without one is fine', async (t) => {
  let closed = false;
  const spec: DriverSpec = { kind: 'v', sections: () => [], create: () => ({}) };
  await new Generation(spec, context, { close: async () => { closed = true; } }).close();
  t.ok(closed);
  await new Generation(spec, context, null).close();
  await new Generation(spec, context, 42).close();
});

t.test('a failing close rejects retire with the error', async (t) => {
  const spec: DriverSpec = { kind: 'v', sections: () => [], create: () => ({}), close: () => { throw new Error('socket already gone'); } };
  await t.rejects(new Generation(spec, context, {}).retire(), { message: 'socket already gone' });
});
