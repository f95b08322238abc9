// Which driver publishes, with which URL (own, then [DEFAULT], then oslo's default), topics and exchange.
import t from 'tap';
import { parseIni } from '../../../../runtime/config/ini-parser.js';
import { resolveConfig } from '../../../../runtime/config/resolve.js';
import { buildConfigSchema } from '../../../../runtime/config/schema.js';
import { readOsloMessagingSettings, sameConnection } from '../../../../runtime/notify/oslo-messaging-settings.js';

const schema = buildConfigSchema('svc');
const settingsOf = (text: string) => readOsloMessagingSettings(resolveConfig([parseIni(text, 'svc.conf')], schema, ['svc.conf']));

t.test('off unless messagingv2 or messaging is a driver', async (t) => {
  t.equal(settingsOf(''), undefined);
  t.equal(settingsOf('[oslo_messaging_notifications]\ndriver = log\ndriver = noop\n'), undefined);
});

t.test("the notifications' own URL, else [DEFAULT]'s, else oslo's rabbit://", async (t) => {
  t.same(settingsOf('[oslo_messaging_notifications]\ndriver = messagingv2\n'), {
    versions: ['2.0'], transportUrl: 'rabbit://', topics: ['notifications'], exchange: 'openstack',
  });
  t.same(settingsOf('[DEFAULT]\ntransport_url = rabbit://a/\ncontrol_exchange = cinder\n[oslo_messaging_notifications]\ndriver = messaging\ndriver = messagingv2\ntopics = notifications, ops\n'), {
    versions: ['1.0', '2.0'], transportUrl: 'rabbit://a/', topics: ['notifications', 'ops'], exchange: 'cinder',
  });
  t.equal(settingsOf('[DEFAULT]\ntransport_url = rabbit://a/\n[oslo_messaging_notifications]\ndriver = messagingv2\ntransport_url = rabbit://b/\n')?.transportUrl, 'rabbit://b/');
});

t.test('a bad value is refused with file:line when the file is read', async (t) => {
  t.throws(() => settingsOf('[oslo_messaging_notifications]\ndriver = messagingv3\n'), {
    message: 'svc.conf:2: [oslo_messaging_notifications] driver: expected one of "messagingv2", "messaging", "routing", "log", "test", "noop", got "messagingv3"',
  });
  t.throws(() => settingsOf('[DEFAULT]\ntransport_url = rabbit1:5672\n'), { message: /^svc\.conf:2: \[DEFAULT\] transport_url: expected a transport URL such as rabbit:\/\/user:password@host:5672\// });
});

t.test('only the URL decides whether a connection can be kept', async (t) => {
  const a = { versions: ['2.0' as const], transportUrl: 'rabbit://a/', topics: ['n'], exchange: 'x' };
  t.ok(sameConnection(a, { ...a, topics: ['m'], exchange: 'y' }));
  t.notOk(sameConnection(a, { ...a, transportUrl: 'rabbit://b/' }));
  t.notOk(sameConnection(undefined, a));
});
