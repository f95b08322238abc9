// Transport URLs read as oslo_messaging.TransportURL.parse reads them; redaction; the option type.
import t from 'tap';
import { parseTransportUrl, redactTransportUrl, transportUrlType } from '../../../../runtime/config/transport-url.js';

t.test('hosts, credentials, ports, virtual host and query, as oslo splits them', async (t) => {
  t.same(parseTransportUrl('rabbit://cinder:p%40ss@rabbit1:5672,other:x@[::1]:5673/open%2Fstack?ssl=1&x=a&x=b'), {
    scheme: 'rabbit',
    hosts: [{ hostname: 'rabbit1', port: 5672, username: 'cinder', password: 'p@ss' }, { hostname: '::1', port: 5673, username: 'other', password: 'x' }],
    virtualHost: 'open/stack',
    query: { ssl: '1', x: 'a,b' },
  });
  t.same(parseTransportUrl('rabbit://'), { scheme: 'rabbit', hosts: [], virtualHost: undefined, query: {} }, "oslo's default: no host at all");
  t.same(parseTransportUrl('rabbit://h/'), { scheme: 'rabbit', hosts: [{ hostname: 'h' }], virtualHost: '', query: {} });
  t.same(parseTransportUrl('rabbit://user@h').hosts, [{ hostname: 'h', username: 'user' }], 'a user without password');
  t.same(parseTransportUrl('rabbit://a:b:c@h').hosts, [{ hostname: 'h', username: 'a', password: 'b:c' }], 'the password is everything after the first colon');
});

t.test('what is malformed is refused, saying what was expected', async (t) => {
  t.throws(() => parseTransportUrl('rabbit1:5672'), new TypeError('a transport URL such as rabbit://user:password@host:5672/ (no scheme:// found)'));
  t.throws(() => parseTransportUrl('rabbit://u:secret@h:70000/'), new TypeError('a port 1-65535 after the host, got "70000" (host "u:***@h:70000")'));
  t.throws(() => parseTransportUrl('rabbit://[::1:5672/'), new TypeError('a bracketed IPv6 address closed by "]" (host "[::1:5672")'));
  t.same(transportUrlType.parse('rabbit://h:x/'), { ok: false, expected: 'a port 1-65535 after the host, got "x" (host "h:x")' });
  t.same(transportUrlType.parse(' rabbit://h/ '), { ok: true, value: 'rabbit://h/' });
});

t.test('redaction replaces every password and keeps the rest', async (t) => {
  t.equal(redactTransportUrl('rabbit://cinder:s3cr3t@r1:5672,nova:other@r2/vh?x=1'), 'rabbit://cinder:***@r1:5672,nova:***@r2/vh?x=1');
  t.equal(redactTransportUrl('rabbit://r1:5672/'), 'rabbit://r1:5672/', 'a host without credentials is unchanged');
  t.equal(redactTransportUrl('not a url'), '***');
});
