import t from 'tap';
import { opt } from '../../../../runtime/config/options.js';

t.test('settings are normalised: mutable and required default to false', async (t) => {
  const port = opt.port({ default: 80, help: 'the port' });
  t.equal(port.mutable, false);
  t.equal(port.required, false);
  t.equal(port.default, 80);
  t.equal(port.help, 'the port');
  t.equal(port.type.name, 'port');
  t.equal(opt.string({ mutable: true, required: true }).mutable, true);
  t.same(opt.hostPort({ default: '[::1]:80' }).default, { host: '::1', port: 80 });
  t.same(opt.hostPort({ default: { host: 'h', port: 1 } }).default, { host: 'h', port: 1 });
  t.same(opt.choice({ choices: ['a', 'b'], default: 'a' }).default, 'a');
  t.equal(opt.list().type.name, 'list');
  t.equal(opt.bool().type.name, 'bool');
  t.equal(opt.path({ default: '/x' }).default, '/x');
  t.equal(opt.float({ default: 1.5, min: 0 }).default, 1.5);
});

t.test('a default the type rejects is a programming error, thrown at declaration', async (t) => {
  t.throws(() => opt.int({ min: 1, max: 5, default: 9 }), new TypeError('invalid default for opt.int(): expected an integer from 1 to 5, got 9'));
  t.throws(() => opt.port({ default: 0 }), new TypeError('invalid default for opt.port(): expected an integer from 1 to 65535, got 0'));
  t.throws(() => opt.float({ min: 0, default: -1 }), new TypeError('invalid default for opt.float(): expected a number >= 0, got -1'));
  t.throws(() => opt.choice({ choices: ['a'], default: 'b' }), new TypeError('invalid default for opt.choice(): expected one of "a", got "b"'));
  t.throws(() => opt.hostPort({ default: 'nope' }), new TypeError('invalid default for opt.hostPort(): expected host:port with a port from 1 to 65535 (IPv6 as [::1]:80), got "nope"'));
});
