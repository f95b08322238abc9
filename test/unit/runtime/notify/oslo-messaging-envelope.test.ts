// The notification, its 2.0 envelope, priorities, routing keys and oslo's timestamp format.
import t from 'tap';
import type { ReloadEndEvent, ReloadStartEvent } from '../../../../runtime/model/events.js';
import {
  buildOsloNotification, encodeOsloNotification, formatOsloTimestamp, priorityOf, routingKeysOf,
} from '../../../../runtime/notify/oslo-messaging-envelope.js';

const start: ReloadStartEvent = { event: 'reload.start', service: 'svc', pid: 1, id: 4, trigger: 'SIGHUP', time: '2026-01-02T03:04:05.678Z' };
const end: ReloadEndEvent = {
  event: 'reload.end', service: 'svc', pid: 1, id: 4, trigger: 'SIGHUP', time: 'T', outcome: 'succeeded', changed: [], restartRequired: [], reinitialised: [], durationMs: 3,
};

t.test("str(timeutils.utcnow()): UTC, microseconds, no fraction when they are 0", async (t) => {
  t.equal(formatOsloTimestamp(new Date('2026-01-02T03:04:05.678Z')), '2026-01-02 03:04:05.678000');
  t.equal(formatOsloTimestamp(new Date('2026-01-02T03:04:05.007Z')), '2026-01-02 03:04:05.007000');
  t.equal(formatOsloTimestamp(new Date('2026-01-02T03:04:05.000Z')), '2026-01-02 03:04:05');
});

t.test('ERROR for a failed or aborted reload, INFO for everything else; one routing key per topic', async (t) => {
  t.equal(priorityOf(start), 'INFO');
  t.equal(priorityOf(end), 'INFO');
  t.equal(priorityOf({ ...end, outcome: 'failed' }), 'ERROR');
  t.equal(priorityOf({ ...end, outcome: 'aborted' }), 'ERROR');
  t.same(routingKeysOf(['notifications', 'ops'], 'ERROR'), ['notifications.error', 'ops.error']);
});

t.test('the message and its envelopes', async (t) => {
  const message = buildOsloNotification(start, 'svc.node1', new Date('2026-01-02T03:04:05.678Z'));
  t.match(message, {
    message_id: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, publisher_id: 'svc.node1', event_type: 'reload.start',
    priority: 'INFO', payload: start, timestamp: '2026-01-02 03:04:05.678000', _unique_id: /^[0-9a-f]{32}$/,
  });
  t.not(buildOsloNotification(start, 'x').message_id, message.message_id, 'a new message_id per notification');
  const v2 = JSON.parse(encodeOsloNotification(message, '2.0').toString('utf8'));
  t.same(Object.keys(v2), ['oslo.version', 'oslo.message']);
  t.equal(v2['oslo.version'], '2.0');
  t.same(JSON.parse(v2['oslo.message']), message, 'oslo.message is the message as JSON text');
  t.same(JSON.parse(encodeOsloNotification(message, '1.0').toString('utf8')), message, '1.0 is the bare message');
});
