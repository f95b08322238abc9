// cinder-volume's reload events on a real RabbitMQ, received by a real oslo.messaging notification
// listener: the three events with oslo's event_type, publisher_id, priority and payload; and a reload
// while the broker is stopped succeeds, its events arriving once the broker is back.
import t from 'tap';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import {
  assertBuildIsCurrent, formatVolumeConfig, freePort, readNotifications, runCli, startBackend, startService, tempDir, waitUntil,
} from '../../../helpers/cinder-processes.js';
import { startOsloListener, type ReceivedNotification } from '../../../helpers/oslo-notification-listener.js';
import { startRabbitmq } from '../../../helpers/rabbitmq-broker.js';

assertBuildIsCurrent();
t.setTimeout(300_000);

/** oslo's str(timeutils.utcnow()) and str(uuid.uuid4()). */
const OSLO_TIMESTAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?$/;
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Orders notifications, and events, by their name. */
const byEventType = (x: ReceivedNotification, y: ReceivedNotification): number => x.event_type.localeCompare(y.event_type);
const byEvent = (x: Record<string, unknown>, y: Record<string, unknown>): number => String(x['event']).localeCompare(String(y['event']));

/** The reload (or replacing reload) an event belongs to. */
const reloadOf = (payload: Record<string, unknown>): unknown => payload['id'] ?? payload['reloadId'];

t.test('reload.start, reload.end and driver.retired reach an oslo.messaging listener through RabbitMQ', async (t) => {
  const broker = await startRabbitmq(t);
  const listener = await startOsloListener(t, broker.transportUrl, 'openstack', 'notifications');
  const dir = tempDir(t);
  const [a, b, c] = await Promise.all([startBackend(t), startBackend(t), startBackend(t)]);
  const apiPort = await freePort();
  const conf = join(dir, 'cinder.conf');
  const notifications = join(dir, 'notifications.jsonl');
  const write = (backendA: number, extra = ''): void => writeFileSync(conf, formatVolumeConfig({
    apiPort, socket: join(dir, 'cinder-volume.sock'), notificationFile: notifications, backends: { backend_a: backendA, backend_b: b.port },
    extra: `transport_url = ${broker.transportUrl}\n${extra}\n[oslo_messaging_notifications]\ndriver = messagingv2\n`,
  }));
  write(a.port);
  const volume = await startService(t, 'cinder-volume', [conf]);
  const ofReload = (id: number): ReceivedNotification[] => listener.received().filter((n) => reloadOf(n.payload) === id);
  const fileEvents = (id: number) => readNotifications(notifications).filter((e) => reloadOf(e) === id);

  // Reload 1 moves backend_a: its old driver retires.
  write(c.port);
  const first = await runCli('cinder-volume', ['reload', '--config-file', conf]);
  t.equal(first.code, 0, `reload 1 succeeds\n${first.stderr}`);
  await waitUntil(() => ofReload(1).length === 3, 'three notifications of reload 1', 60_000);
  // The listener's threading executor may dispatch in any order: match each notification to its event by type.
  const received = [...ofReload(1)].sort(byEventType);
  t.same(received.map((n) => n.event_type), ['driver.retired', 'reload.end', 'reload.start'], 'one notification of each event');
  t.same(received.map((n) => n.payload), fileEvents(1).sort(byEvent), 'each payload is the event, exactly as the notification file has it');
  for (const notification of received) {
    t.equal(notification.publisher_id, `cinder-volume.${hostname()}`, `${notification.event_type}: publisher_id <service>.<host>`);
    t.equal(notification.priority, 'INFO', `${notification.event_type}: INFO`);
    t.match(notification.metadata.timestamp, OSLO_TIMESTAMP, `${notification.event_type}: oslo's timestamp format`);
    t.match(notification.metadata.message_id, UUID4, `${notification.event_type}: message_id is a uuid4`);
  }
  t.match(received[0]?.payload, { driver: 'volume:backend_a', generation: 1 });

  // Reload 2 is refused: its reload.end is an ERROR notification.
  write(c.port, 'reload_drain_timeout = not-a-number\n');
  const refused = await runCli('cinder-volume', ['reload', '--config-file', conf]);
  t.equal(refused.code, 1, 'reload 2 is refused');
  await waitUntil(() => ofReload(2).length === 2, 'two notifications of reload 2', 60_000);
  t.same(ofReload(2).sort(byEventType).map((n) => [n.event_type, n.priority, n.payload['outcome']]), [['reload.end', 'ERROR', 'failed'], ['reload.start', 'INFO', undefined]]);

  // Reload 3 runs while the broker is stopped: it succeeds, and its events arrive once the broker is back.
  await broker.stopApp();
  write(c.port, 'debug = true\n');
  const whileDown = await runCli('cinder-volume', ['reload', '--config-file', conf]);
  t.equal(whileDown.code, 0, `reload 3 succeeds with the broker stopped\n${whileDown.stderr}`);
  t.match(fileEvents(3).at(-1), { event: 'reload.end', outcome: 'succeeded' });
  await waitUntil(() => /"level":"warning","msg":"oslo.messaging notifications".*cannot publish, retrying/.test(volume.stderr()), 'the failed publish logged', 30_000);
  t.same(ofReload(3), [], 'nothing of reload 3 reached the listener while the broker was stopped');
  t.notMatch(volume.stderr(), /guest:guest@/, 'the log shows no password of the transport URL');
  await broker.startApp();
  await waitUntil(() => ofReload(3).length === 2, 'reload 3 notifications after the broker came back', 90_000);
  t.same(ofReload(3).sort(byEventType).map((n) => n.payload), fileEvents(3).sort(byEvent), 'reload 3 delivered late and complete');
  t.match(volume.stderr(), /"level":"info","msg":"oslo.messaging notifications".*"info":"connected to 127\.0\.0\.1:\d+ again/, 'the recovery is logged');
});
