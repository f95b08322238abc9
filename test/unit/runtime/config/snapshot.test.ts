import t from 'tap';
import { ConfigSnapshot } from '../../../../runtime/config/snapshot.js';

const snapshot = new ConfigSnapshot(
  new Map([['DEFAULT', { list: ['a'], listen: { host: 'h', port: 1 }, unset: undefined }], ['a', { port: 2 }]]),
  new Map([['a', new Map([['port', { file: 'f.conf', line: 3 }]])]]),
  ['f.conf'],
);

t.test('reads values, sections and sources', async (t) => {
  t.same(snapshot.get('DEFAULT', 'list'), ['a']);
  t.equal(snapshot.get('DEFAULT', 'unset'), undefined);
  t.same(snapshot.sections(), ['DEFAULT', 'a']);
  t.ok(snapshot.hasSection('a'));
  t.notOk(snapshot.hasSection('b'));
  t.same(snapshot.sourceOf('a', 'port'), { file: 'f.conf', line: 3 });
  t.same(snapshot.files, ['f.conf']);
});

t.test('is immutable all the way down', async (t) => {
  t.ok(Object.isFrozen(snapshot));
  t.ok(Object.isFrozen(snapshot.section('DEFAULT')));
  t.ok(Object.isFrozen(snapshot.get('DEFAULT', 'list')));
  t.ok(Object.isFrozen(snapshot.get('DEFAULT', 'listen')));
  t.throws(() => (snapshot.get('DEFAULT', 'list') as string[]).push('b'));
});

t.test('asking for what is not declared throws, listing what is', async (t) => {
  t.throws(() => snapshot.get('a', 'nope'), new RangeError('option nope is not declared in [a] (declared: port)'));
  t.throws(() => snapshot.section('b'), new RangeError('no section [b] in the configuration (sections: DEFAULT, a)'));
});
