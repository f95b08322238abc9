import t from 'tap';
import {
  boolType, choiceType, floatType, hostPortType, intType, listType, pathType, portType, stringType,
} from '../../../../runtime/config/option-types.js';

t.test('valid values are typed', async (t) => {
  t.same(stringType.parse(' a b '), { ok: true, value: ' a b ' });
  t.same(pathType.parse(' /run/x.sock '), { ok: true, value: '/run/x.sock' });
  for (const word of ['true', 'Yes', 'ON', '1']) t.same(boolType.parse(word), { ok: true, value: true }, word);
  for (const word of ['false', 'no', 'Off', '0']) t.same(boolType.parse(word), { ok: true, value: false }, word);
  t.same(listType.parse(' a, b ,, c ,'), { ok: true, value: ['a', 'b', 'c'] });
  t.same(listType.parse(''), { ok: true, value: [] });
  t.same(intType(1, 10).parse(' 10 '), { ok: true, value: 10 });
  t.same(intType().parse('-3'), { ok: true, value: -3 });
  t.same(floatType(0).parse('2.5'), { ok: true, value: 2.5 });
  t.same(floatType().parse('1e3'), { ok: true, value: 1000 });
  t.same(floatType().parse('.5'), { ok: true, value: 0.5 });
  t.same(portType.parse('65535'), { ok: true, value: 65535 });
  t.same(hostPortType.parse('127.0.0.1:8776'), { ok: true, value: { host: '127.0.0.1', port: 8776 } });
  t.same(hostPortType.parse('[::1]:80'), { ok: true, value: { host: '::1', port: 80 } });
  t.same(hostPortType.parse('volume.example.org:1'), { ok: true, value: { host: 'volume.example.org', port: 1 } });
  t.same(choiceType(['a', 'b']).parse('b'), { ok: true, value: 'b' });
});

t.test('invalid values say what was expected', async (t) => {
  const expected = 'a boolean (true/false, yes/no, on/off, 1/0)';
  t.same(boolType.parse('maybe'), { ok: false, expected });
  t.same(pathType.parse('  '), { ok: false, expected: 'a non-empty path' });
  t.same(intType().parse('1.5'), { ok: false, expected: 'an integer' });
  t.same(intType(1).parse('0'), { ok: false, expected: 'an integer >= 1' });
  t.same(intType(undefined, 5).parse('6'), { ok: false, expected: 'an integer <= 5' });
  t.same(intType().parse('99999999999999999999'), { ok: false, expected: 'an integer' });
  t.same(floatType(0, 1).parse('1.5'), { ok: false, expected: 'a number from 0 to 1' });
  t.same(floatType().parse('1,5'), { ok: false, expected: 'a number' });
  t.same(floatType().parse('Infinity'), { ok: false, expected: 'a number' });
  t.same(portType.parse('80x'), { ok: false, expected: 'an integer from 1 to 65535' });
  t.same(portType.parse('0'), { ok: false, expected: 'an integer from 1 to 65535' });
  const hostPort = 'host:port with a port from 1 to 65535 (IPv6 as [::1]:80)';
  t.same(hostPortType.parse('::1:80'), { ok: false, expected: hostPort });
  t.same(hostPortType.parse('host'), { ok: false, expected: hostPort });
  t.same(hostPortType.parse('host:70000'), { ok: false, expected: hostPort });
  t.same(choiceType(['a', 'b']).parse('c'), { ok: false, expected: 'one of "a", "b"' });
});
