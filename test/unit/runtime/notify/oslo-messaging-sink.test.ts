// The oslo.messaging sink: delivering never waits for the broker; events are published in order,
// retried while the broker is down, bounded (drops logged), and follow a changed transport_url.
import t from 'tap';
import { parseIni } from '../../../../runtime/config/ini-parser.js';
import { resolveConfig } from '../../../../runtime/config/resolve.js';
import { buildConfigSchema } from '../../../../runtime/config/schema.js';
import type { ConfigSnapshot } from '../../../../runtime/config/snapshot.js';
import type { ReloadEndEvent, ReloadStartEvent } from '../../../../runtime/model/events.js';
import { createOsloMessagingSink, type OsloMessagingSinkOptions } from '../../../../runtime/notify/oslo-messaging-sink.js';
import { waitUntil } from '../../../helpers/cinder-processes.js';
import { FakeAmqp } from '../../../helpers/fake-amqplib.js';

const schema = buildConfigSchema('svc');
const configOf = (text: string): ConfigSnapshot => resolveConfig([parseIni(text, 'svc.conf')], schema, ['svc.conf']);
const publishing = (url: string, extra = ''): ConfigSnapshot =>
  configOf(`[DEFAULT]\ntransport_url = ${url}\n${extra}[oslo_messaging_notifications]\ndriver = messagingv2\n`);
const start = (id: number): ReloadStartEvent => ({ event: 'reload.start', service: 'svc', pid: 1, id, trigger: 'api', time: 'T' });
const failed: ReloadEndEvent = {
  event: 'reload.end', service: 'svc', pid: 1, id: 1, trigger: 'api', time: 'T', outcome: 'failed', changed: [], restartRequired: [], reinitialised: [], durationMs: 1,
};

/** A sink on a fake broker, its log, and the inner messages published. */
function setUp(config: () => ConfigSnapshot | undefined, options: Partial<OsloMessagingSinkOptions> = {}) {
  const amqp = new FakeAmqp();
  const logged: Array<Record<string, unknown>> = [];
  const sink = createOsloMessagingSink({
    config, service: 'svc', host: 'node1', log: (fields) => logged.push(fields), loadAmqp: async () => amqp.module, retryInitialMs: 5, retryMaxMs: 20, ...options,
  });
  const messages = () => amqp.published.map((p) => ({ ...p, message: JSON.parse(JSON.parse(p.body)['oslo.message']) }));
  return { amqp, logged, sink, messages };
}

t.test('publishes each event to <topic>.<priority> on control_exchange with kombu properties', async (t) => {
  const config = configOf('[DEFAULT]\ntransport_url = rabbit://u:p@b:1/\ncontrol_exchange = cinder\n'
    + '[oslo_messaging_notifications]\ndriver = messagingv2\ntopics = notifications, ops\n');
  const { sink, messages } = setUp(() => config);
  t.equal(sink.deliver(start(1)), undefined, 'deliver only queues (returns nothing to wait for)');
  sink.deliver(failed);
  await waitUntil(() => messages().length === 4, 'four messages');
  t.same(messages().map((m) => [m.broker, m.exchange, m.routingKey, m.message.event_type, m.message.priority, m.message.publisher_id]), [
    ['b:1', 'cinder', 'notifications.info', 'reload.start', 'INFO', 'svc.node1'],
    ['b:1', 'cinder', 'ops.info', 'reload.start', 'INFO', 'svc.node1'],
    ['b:1', 'cinder', 'notifications.error', 'reload.end', 'ERROR', 'svc.node1'],
    ['b:1', 'cinder', 'ops.error', 'reload.end', 'ERROR', 'svc.node1'],
  ]);
  t.same(messages()[0]?.properties, { contentType: 'application/json', contentEncoding: 'utf-8', deliveryMode: 2, priority: 0, headers: {} });
  t.same(messages()[2]?.message.payload, failed);
  await sink.close?.();
});

t.test('while the broker is down events wait, in order; one warning, then one line when it is back', async (t) => {
  const { amqp, sink, logged, messages } = setUp(() => publishing('rabbit://u:secret@b:1/'));
  amqp.stop('b:1');
  sink.deliver(start(1));
  sink.deliver(start(2));
  await waitUntil(() => amqp.connects.length >= 3, 'three connection attempts');
  t.same(messages(), [], 'nothing published while down');
  t.same(logged.map((l) => l['level']), ['warning'], 'one warning per outage, however many attempts');
  t.match(logged[0], { msg: 'oslo.messaging notifications', service: 'svc', transport_url: 'rabbit://u:***@b:1/', queued: 2, error: /cannot publish, retrying with backoff; events are queued \(at most 1000\): cannot connect to the message broker \(b:1: connect ECONNREFUSED b:1\)/ });
  amqp.start('b:1');
  await waitUntil(() => messages().length === 2, 'both events once the broker is back');
  t.same(messages().map((m) => m.message.payload.id), [1, 2]);
  t.match(logged[1], { level: 'info', info: /^connected to b:1 again after \d+ failed attempt\(s\); 1 queued event\(s\) left$/ });
  t.notMatch(JSON.stringify(logged), /secret/, 'no password in the log');
  await sink.close?.();
});

t.test('the broker going away mid-stream: the connection is re-opened and nothing is lost', async (t) => {
  const { amqp, sink, messages } = setUp(() => publishing('rabbit://b:1/'));
  sink.deliver(start(1));
  await waitUntil(() => messages().length === 1, 'the first event');
  amqp.stop('b:1');
  sink.deliver(start(2));
  await waitUntil(() => amqp.connects.length >= 2, 'a reconnection attempt');
  amqp.start('b:1');
  await waitUntil(() => messages().length === 2, 'the second event after the broker is back');
  t.same(messages().map((m) => m.message.payload.id), [1, 2]);
  await sink.close?.();
});

t.test('bounded: beyond maxQueued the oldest event is dropped, saying which', async (t) => {
  const { amqp, sink, logged, messages } = setUp(() => publishing('rabbit://b:1/'), { maxQueued: 2 });
  amqp.stop('b:1');
  for (const id of [1, 2, 3]) sink.deliver(start(id));
  t.match(logged.find((l) => l['level'] === 'error'), { error: 'reload.start dropped: more than 2 notifications are waiting for the broker', event: 'reload.start', id: 2 });
  amqp.start('b:1');
  await waitUntil(() => messages().length === 2, 'the two kept events');
  t.same(messages().map((m) => m.message.payload.id), [1, 3], 'the event being published is kept; the oldest waiting one is dropped');
  await sink.close?.();
});

t.test('a changed transport_url moves the next events to the new broker and closes the old connection', async (t) => {
  let config = publishing('rabbit://old:1/');
  const { amqp, sink, messages } = setUp(() => config);
  sink.deliver(start(1));
  await waitUntil(() => messages().length === 1, 'the first event');
  config = publishing('rabbit://new:2/');
  sink.deliver(start(2));
  await waitUntil(() => messages().length === 2, 'the second event');
  t.same(messages().map((m) => m.broker), ['old:1', 'new:2']);
  t.same(amqp.openConnections(), ['new:2'], 'the old connection is closed');
  await sink.close?.();
  t.same(amqp.openConnections(), [], 'close closes the connection');
});

t.test('without a publishing driver nothing connects; turning it off drops what waits, logged', async (t) => {
  let config = configOf('[oslo_messaging_notifications]\ndriver = log\n');
  const { amqp, sink, logged } = setUp(() => config);
  sink.deliver(start(1));
  await sink.check();
  t.same(amqp.connects, [], 'never connects');
  config = publishing('rabbit://b:1/');
  amqp.stop('b:1');
  sink.deliver(start(2));
  await waitUntil(() => amqp.connects.length >= 1, 'an attempt');
  config = configOf('');
  await waitUntil(() => logged.some((l) => l['level'] === 'error'), 'the drop logged');
  t.match(logged.find((l) => l['level'] === 'error'), { error: 'reload.start dropped: the messaging driver was turned off before it could be sent', id: 2 });
  await sink.close?.();
});

t.test('amqplib missing: check() fails start-up; a reload that turns the driver on logs and drops', async (t) => {
  const missing = async (): Promise<never> => {
    throw new Error('[oslo_messaging_notifications] driver messagingv2/messaging needs the npm package amqplib, which cannot be loaded (x)');
  };
  const { sink, logged } = setUp(() => publishing('rabbit://b:1/'), { loadAmqp: missing });
  await t.rejects(sink.check(), { message: /needs the npm package amqplib/ });
  sink.deliver(start(1));
  await waitUntil(() => logged.length > 0, 'the drop logged');
  t.match(logged, [{ level: 'error', id: 1, error: /^reload\.start dropped: \[oslo_messaging_notifications\] driver messagingv2\/messaging needs the npm package amqplib/ }]);
  await sink.close?.();
});

t.test('close waits a little for the queue, then drops the rest, logged; later events are ignored', async (t) => {
  const { amqp, sink, logged } = setUp(() => publishing('rabbit://b:1/'));
  amqp.stop('b:1');
  sink.deliver(start(1));
  await sink.close?.();
  t.match(logged.filter((l) => l['level'] === 'error'), [{ error: 'reload.start dropped: the service stopped before the broker took it', id: 1 }]);
  const attempts = amqp.connects.length;
  sink.deliver(start(2));
  await new Promise((resolve) => setTimeout(resolve, 50));
  t.equal(amqp.connects.length, attempts, 'an event after close starts no connection attempt');
  t.same(amqp.openConnections(), []);
});
