// Runtime events as oslo.messaging notifications: the message oslo's Notifier._notify builds, the 2.0
// envelope of common.serialize_msg, the routing key of MessagingDriver.notify and kombu's properties.
import { randomUUID } from 'node:crypto';
import type { RuntimeEvent } from '../model/events.js';

/** The priorities the runtime uses: ERROR for a reload that failed or was aborted, INFO otherwise. */
export type OsloPriority = 'INFO' | 'ERROR';

/** Message format: 2.0 (driver messagingv2, enveloped) or 1.0 (driver messaging, the bare message). */
export type OsloMessageVersion = '1.0' | '2.0';

/** The notification as Notifier._notify builds it, with the `_unique_id` amqpdriver._send adds. */
export interface OsloNotification {
  message_id: string;
  publisher_id: string;
  event_type: string;
  priority: OsloPriority;
  payload: RuntimeEvent;
  timestamp: string;
  _unique_id: string;
}

/** The priority of one event. */
export function priorityOf(event: RuntimeEvent): OsloPriority {
  return event.event === 'reload.end' && event.outcome !== 'succeeded' ? 'ERROR' : 'INFO';
}

/**
 * `str(timeutils.utcnow())`: `YYYY-MM-DD HH:MM:SS.ffffff` in UTC; Python's datetime leaves out the
 * fraction when the microseconds are 0, and so does this.
 */
export function formatOsloTimestamp(date: Date): string {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const base = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  const millis = date.getUTCMilliseconds();
  return millis === 0 ? base : `${base}.${String(millis * 1000).padStart(6, '0')}`;
}

/** Builds the notification of one event, published by `publisherId` (`<service>.<host>`) at `now`. */
export function buildOsloNotification(event: RuntimeEvent, publisherId: string, now: Date = new Date()): OsloNotification {
  return {
    message_id: randomUUID(),
    publisher_id: publisherId,
    event_type: event.event,
    priority: priorityOf(event),
    payload: event,
    timestamp: formatOsloTimestamp(now),
    _unique_id: randomUUID().replace(/-/g, ''),
  };
}

/** The message body: `{"oslo.version": "2.0", "oslo.message": "<json>"}` for 2.0, the bare message for 1.0. */
export function encodeOsloNotification(notification: OsloNotification, version: OsloMessageVersion): Buffer {
  const body = version === '2.0' ? { 'oslo.version': '2.0', 'oslo.message': JSON.stringify(notification) } : notification;
  return Buffer.from(JSON.stringify(body), 'utf8');
}

/** The routing keys of one notification: `<topic>.<priority lowercase>` for every topic. */
export function routingKeysOf(topics: readonly string[], priority: OsloPriority): string[] {
  return topics.map((topic) => `${topic}.${priority.toLowerCase()}`);
}

/** AMQP properties kombu gives the message (JSON serializer, persistent delivery mode, no headers). */
export const OSLO_MESSAGE_PROPERTIES = Object.freeze({
  contentType: 'application/json',
  contentEncoding: 'utf-8',
  deliveryMode: 2,
  priority: 0,
  headers: {},
});
