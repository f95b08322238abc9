import t from 'tap';
import { StateMachine } from '../../../../runtime/controller/states.js';

t.test('follows starting → ready ⇄ reloading ⇄ draining → stopping → stopped', async (t) => {
  const states = new StateMachine();
  t.equal(states.state, 'starting');
  for (const next of ['ready', 'reloading', 'draining', 'reloading', 'ready', 'reloading', 'draining', 'ready', 'stopping', 'stopped'] as const) {
    states.moveTo(next);
    t.equal(states.state, next);
  }
  t.ok(states.isStopping);
});

t.test('refuses moves the lifecycle does not have', async (t) => {
  const states = new StateMachine();
  t.throws(() => states.moveTo('draining'), new Error('runtime state cannot go from starting to draining'));
  states.moveTo('ready');
  t.throws(() => states.moveTo('stopped'), new Error('runtime state cannot go from ready to stopped'));
});

t.test('once stopping, a reload finishing cannot move the state back', async (t) => {
  const states = new StateMachine();
  states.moveTo('ready');
  states.moveTo('reloading');
  states.moveTo('stopping');
  states.moveTo('ready');
  t.equal(states.state, 'stopping');
  states.moveTo('stopped');
  t.throws(() => states.moveTo('ready'), new Error('runtime state cannot go from stopped to ready'));
});
