import t from 'tap';
import { AdmissionGate } from '../../../../runtime/gate/admission-gate.js';
import { GateFullError, GateTimeoutError, ServiceStoppingError } from '../../../../runtime/model/errors.js';
import { settle } from '../../../helpers/fake-drivers.js';

const limits = { maxWaiters: 2, timeoutSeconds: 10 };

t.test('an open gate lets work through at once', async (t) => {
  const gate = new AdmissionGate('volume:a');
  t.ok(gate.isOpen);
  await gate.pass(limits);
  t.equal(gate.waiting, 0);
});

t.test('a closed gate holds work until it opens', async (t) => {
  const gate = new AdmissionGate('volume:a');
  gate.close();
  let passed = 0;
  const waits = [gate.pass(limits), gate.pass(limits)].map((p) => p.then(() => { passed += 1; }));
  await settle();
  t.equal(passed, 0);
  t.equal(gate.waiting, 2);
  gate.open();
  await Promise.all(waits);
  t.equal(passed, 2);
  t.equal(gate.waiting, 0);
});

t.test('more waiters than the bound: GateFullError with the bound in the message', async (t) => {
  const gate = new AdmissionGate('volume:a');
  gate.close();
  const held = [gate.pass(limits), gate.pass(limits)];
  await t.rejects(gate.pass(limits), new GateFullError('volume:a', 2));
  await t.rejects(gate.pass(limits), {
    message: 'driver volume:a is re-initialising and 2 requests are already waiting (reload_max_waiters = 2); try again later',
  });
  gate.open();
  await Promise.all(held);
  await t.rejects(new AdmissionGate('x').pass({ maxWaiters: 0, timeoutSeconds: 1 }).then(() => {
    throw new Error('open gate must not reject');
  }), { message: 'open gate must not reject' }, 'a bound of 0 still lets work through an open gate');
});

t.test('waiting longer than the budget: GateTimeoutError, and the waiter leaves the queue', async (t) => {
  const gate = new AdmissionGate('volume:a');
  gate.close();
  await t.rejects(gate.pass({ maxWaiters: 5, timeoutSeconds: 0.02 }), {
    name: 'GateTimeoutError',
    message: 'driver volume:a is re-initialising: waited 0.02 s at its gate (reload_drain_timeout) without it reopening',
  });
  t.ok(new GateTimeoutError('x', 1) instanceof Error);
  t.equal(gate.waiting, 0);
});

t.test('rejectWaiters fails everyone waiting with the given error', async (t) => {
  const gate = new AdmissionGate('volume:a');
  gate.close();
  const wait = gate.pass(limits);
  gate.rejectWaiters(new ServiceStoppingError('svc'));
  await t.rejects(wait, { name: 'ServiceStoppingError', message: 'service svc is stopping and accepts no new work' });
  t.equal(gate.waiting, 0);
  t.notOk(gate.isOpen);
});

t.test('open(closing) reopens only when nobody closed the gate again since that closing', async (t) => {
  const gate = new AdmissionGate('volume:a');
  const first = gate.close();
  const second = gate.close();
  t.equal(second, first + 1);
  gate.open(first);
  t.notOk(gate.isOpen, 'a stale closing leaves the later closing in force');
  gate.open(second);
  t.ok(gate.isOpen);
});

t.test('a closing with its own wait budget bounds each wait by it, not by the caller\'s timeout', async (t) => {
  const gate = new AdmissionGate('volume:a');
  gate.close(0.02);
  await t.rejects(gate.pass({ maxWaiters: 5, timeoutSeconds: 60 }), {
    name: 'GateTimeoutError',
    message: 'driver volume:a is re-initialising: waited 0.02 s at its gate (reload_drain_timeout) without it reopening',
  });
  gate.open();
  gate.close();
  let passed = false;
  const wait = gate.pass({ maxWaiters: 5, timeoutSeconds: 0.01 }).then(() => { passed = true; }, (error: Error) => error.message);
  t.equal(await wait, 'driver volume:a is re-initialising: waited 0.01 s at its gate (reload_drain_timeout) without it reopening',
    'a closing without a budget leaves the caller\'s timeout in force');
  t.notOk(passed);
});
