// The publishing connection: oslo's rabbit defaults, failover in URL order, what is declared, and the errors.
import t from 'tap';
import { parseTransportUrl } from '../../../../runtime/config/transport-url.js';
import { loadAmqplib, openAmqpPublisher, UnsupportedTransportError } from '../../../../runtime/notify/amqp-connection.js';
import { FakeAmqp } from '../../../helpers/fake-amqplib.js';

t.test("oslo's defaults: localhost:5672, guest/guest, virtual host /", async (t) => {
  const amqp = new FakeAmqp();
  await openAmqpPublisher(amqp.module, parseTransportUrl('rabbit://'), 'svc.host');
  await openAmqpPublisher(amqp.module, parseTransportUrl('rabbit://u:p@h:5673/vh'), 'svc.host');
  t.same(amqp.connects, [
    { broker: 'localhost:5672', username: 'guest', password: 'guest', vhost: '/' },
    { broker: 'h:5673', username: 'u', password: 'p', vhost: 'vh' },
  ]);
});

t.test('tries the hosts in order; the error names each one that failed', async (t) => {
  const amqp = new FakeAmqp();
  amqp.stop('a:1');
  const publisher = await openAmqpPublisher(amqp.module, parseTransportUrl('rabbit://a:1,b:2/'), 'svc.host');
  t.equal(publisher.broker, 'b:2');
  amqp.stop('b:2');
  await t.rejects(openAmqpPublisher(amqp.module, parseTransportUrl('rabbit://a:1,b:2/'), 'svc.host'), {
    message: 'cannot connect to the message broker (a:1: connect ECONNREFUSED a:1; b:2: connect ECONNREFUSED b:2)',
  });
  await t.rejects(openAmqpPublisher(amqp.module, parseTransportUrl('kafka://k:9092/'), 'svc.host'),
    new UnsupportedTransportError('transport_url scheme kafka:// is not supported for notifications (expected rabbit:// or kombu://)'));
});

t.test('declares the topic exchange and a queue per routing key once, as oslo does; breaks when the broker goes', async (t) => {
  const amqp = new FakeAmqp();
  const publisher = await openAmqpPublisher(amqp.module, parseTransportUrl('rabbit://b:1/'), 'svc.host');
  await publisher.publish('openstack', 'notifications.info', Buffer.from('{}'), { deliveryMode: 2 });
  await publisher.publish('openstack', 'notifications.info', Buffer.from('{}'), { deliveryMode: 2 });
  await publisher.publish('openstack', 'notifications.error', Buffer.from('{}'), { deliveryMode: 2 });
  t.same(amqp.declared, [
    'exchange openstack topic {"durable":false,"autoDelete":false}',
    'queue notifications.info {"durable":false,"autoDelete":false}',
    'bind notifications.info openstack notifications.info',
    'queue notifications.error {"durable":false,"autoDelete":false}',
    'bind notifications.error openstack notifications.error',
  ]);
  t.equal(amqp.published.length, 3);
  t.notOk(publisher.broken);
  amqp.stop('b:1');
  t.ok(publisher.broken, 'a closed connection marks the publisher broken');
  await t.rejects(publisher.publish('openstack', 'notifications.info', Buffer.from('{}'), {}), { message: 'Channel closed' });
});

t.test('amqplib itself loads, and a missing package is explained', async (t) => {
  const real = await loadAmqplib();
  t.type(real.connect, 'function', 'the optional dependency is installed for the tests');
  const { loadAmqplib: loadMissing } = await t.mockImport<typeof import('../../../../runtime/notify/amqp-connection.js')>(
    '../../../../runtime/notify/amqp-connection.js', { amqplib: new Proxy({}, { get: () => { throw new Error("Cannot find package 'amqplib'"); } }) },
  );
  await t.rejects(loadMissing(), { message: /^\[oslo_messaging_notifications\] driver messagingv2\/messaging needs the npm package amqplib, which cannot be loaded \(.*\): install it next to the service \(npm install amqplib\) or remove the driver$/ });
});
