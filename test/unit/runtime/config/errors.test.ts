import t from 'tap';
import { ConfigError, combineConfigErrors } from '../../../../runtime/config/errors.js';

t.test('the message puts whatever location is known before the problem', async (t) => {
  t.equal(new ConfigError('bad', { file: 'c.conf', line: 3, section: 's', option: 'o' }).message, 'c.conf:3: [s] o: bad');
  t.equal(new ConfigError('bad', { file: 'c.conf' }).message, 'c.conf: bad');
  t.equal(new ConfigError('bad', { section: 's' }).message, '[s] bad');
  t.equal(new ConfigError('bad').message, 'bad');
});

t.test('keeps its cause and converts to the event shape', async (t) => {
  const cause = new Error('EACCES');
  const error = new ConfigError('cannot read', { file: 'c.conf', cause, value: 'v' });
  t.equal(error.cause, cause);
  t.equal(error.value, 'v');
  t.same(error.toEventError(), { message: 'c.conf: cannot read', file: 'c.conf' });
  t.same(new ConfigError('x', { file: 'f', line: 1, section: 's', option: 'o' }).toEventError(),
    { message: 'f:1: [s] o: x', file: 'f', line: 1, section: 's', option: 'o' });
});

t.test('combining keeps the first location and lists every problem, one per line', async (t) => {
  t.equal(combineConfigErrors([]), undefined);
  const one = new ConfigError('a', { file: 'f', line: 1 });
  t.equal(combineConfigErrors([one]), one);
  const combined = combineConfigErrors([one, new ConfigError('b', { file: 'f', line: 2 })])!;
  t.equal(combined.message, 'f:1: a\nf:2: b');
  t.equal(combined.line, 1);
  t.same(combined.all().map((e) => e.message), ['f:1: a', 'f:2: b']);
  const nested = combineConfigErrors([combined, new ConfigError('c')])!;
  t.same(nested.all().map((e) => e.message), ['f:1: a', 'f:2: b', 'c']);
});
