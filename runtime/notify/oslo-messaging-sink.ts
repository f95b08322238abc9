// Notification sink that publishes every runtime event as an oslo.messaging notification on the message
// bus. `deliver` only queues: the broker being slow or down never delays a reload. A background loop
// publishes the queue in order, reconnecting with backoff; a full queue drops its oldest event, logged.
// The settings are read from the running configuration at each event, so a reload that changes
// transport_url (or turns the driver on or off) takes effect like any other option.
import { hostname } from 'node:os';
import type { ConfigSnapshot } from '../config/snapshot.js';
import { parseTransportUrl, redactTransportUrl } from '../config/transport-url.js';
import type { RuntimeEvent } from '../model/events.js';
import { messageOf } from '../model/message-of.js';
import { loadAmqplib, openAmqpPublisher, UnsupportedTransportError, type AmqplibModule, type AmqpPublisher } from './amqp-connection.js';
import {
  buildOsloNotification, encodeOsloNotification, OSLO_MESSAGE_PROPERTIES, routingKeysOf, type OsloNotification,
} from './oslo-messaging-envelope.js';
import { readOsloMessagingSettings, sameConnection, type OsloMessagingSettings } from './oslo-messaging-settings.js';
import type { NotificationSink } from './sink.js';

/** Events kept while the broker cannot be reached; beyond it the oldest is dropped (and logged). */
export const MAX_QUEUED_NOTIFICATIONS = 1000;
/** First wait after a failed publish; doubled after each further failure up to RETRY_MAX_MS. */
export const RETRY_INITIAL_MS = 1000;
export const RETRY_MAX_MS = 10_000;
/** How long closing waits for the queue to be published before dropping the rest (logged). */
export const CLOSE_WAIT_MS = 3000;

/** What the sink reads and whom it tells. */
export interface OsloMessagingSinkOptions {
  /** The running configuration (undefined before start-up has read it). */
  config: () => ConfigSnapshot | undefined;
  /** The service name: publisher_id is `<service>.<host>`. */
  service: string;
  /** Default: the machine's host name, as oslo's `[DEFAULT] host`. */
  host?: string;
  /** Receives one JSON-able record per thing worth logging; default: a JSON line on stderr. */
  log?: (fields: Record<string, unknown>) => void;
  /** Default: imports amqplib (tests pass their own). */
  loadAmqp?: () => Promise<AmqplibModule>;
  maxQueued?: number;
  retryInitialMs?: number;
  retryMaxMs?: number;
}

/** A notification waiting to be published, with the destinations it already reached. */
interface Queued {
  notification: OsloNotification;
  sent: Set<string>;
}

/** The sink, with `check()` for start-up: it fails when a messaging driver is configured and amqplib is missing. */
export interface OsloMessagingSink extends NotificationSink {
  check(): Promise<void>;
}

/** Creates the sink; it connects only when a messaging driver is configured and an event is to be sent. */
export function createOsloMessagingSink(options: OsloMessagingSinkOptions): OsloMessagingSink {
  const log = options.log ?? ((fields) => process.stderr.write(`${JSON.stringify(fields)}\n`));
  const publisherId = `${options.service}.${options.host ?? hostname()}`;
  const maxQueued = options.maxQueued ?? MAX_QUEUED_NOTIFICATIONS;
  const loadAmqp = options.loadAmqp ?? loadAmqplib;
  const queue: Queued[] = [];
  let settings: OsloMessagingSettings | undefined;
  let publisher: AmqpPublisher | undefined;
  let amqplib: Promise<AmqplibModule> | undefined;
  let pumping: Promise<void> | undefined;
  let failures = 0;
  /** The item the loop is publishing now: never dropped from under it. */
  let publishing: Queued | undefined;
  let closing = false;
  let wakeUp: (() => void) | undefined;

  const current = (): OsloMessagingSettings | undefined => {
    const config = options.config();
    return config ? readOsloMessagingSettings(config) : undefined;
  };
  const context = ({ level, ...fields }: Record<string, unknown>): Record<string, unknown> => ({
    level, msg: 'oslo.messaging notifications', service: options.service,
    transport_url: settings ? redactTransportUrl(settings.transportUrl) : undefined, ...fields,
  });
  const drop = (item: Queued, reason: string): void => {
    const { event_type, payload } = item.notification;
    log(context({ level: 'error', error: `${event_type} dropped: ${reason}`, event: event_type, id: 'id' in payload ? payload.id : payload.reloadId }));
  };

  /** Opens a connection for `wanted` unless the open one already serves it. */
  const connect = async (wanted: OsloMessagingSettings): Promise<AmqpPublisher> => {
    if (publisher && !publisher.broken && sameConnection(settings, wanted)) return publisher;
    await publisher?.close();
    publisher = undefined;
    settings = wanted;
    let module: AmqplibModule;
    try {
      amqplib ??= loadAmqp();
      module = await amqplib;
    } catch (error) {
      amqplib = undefined;
      throw new CannotPublish(messageOf(error));
    }
    publisher = await openAmqpPublisher(module, parseTransportUrl(wanted.transportUrl), publisherId);
    if (closing) await publisher.close();
    return publisher;
  };

  /** Publishes the head of the queue to every version × topic not reached yet. */
  const publishHead = async (item: Queued, wanted: OsloMessagingSettings): Promise<void> => {
    const connection = await connect(wanted);
    for (const version of wanted.versions) {
      const body = encodeOsloNotification(item.notification, version);
      for (const key of routingKeysOf(wanted.topics, item.notification.priority)) {
        const destination = `${version} ${wanted.exchange} ${key}`;
        if (item.sent.has(destination)) continue;
        await connection.publish(wanted.exchange, key, body, OSLO_MESSAGE_PROPERTIES);
        item.sent.add(destination);
      }
    }
  };

  /** Publishes the queue in order until it is empty; waits with backoff after a failure. */
  const pump = async (): Promise<void> => {
    while (queue.length > 0) {
      const wanted = current();
      if (wanted === undefined) {
        for (const item of queue.splice(0)) drop(item, 'the messaging driver was turned off before it could be sent');
        break;
      }
      publishing = queue[0]!;
      try {
        await publishHead(publishing, wanted);
        if (queue[0] === publishing) queue.shift();
        if (failures > 0) log(context({ level: 'info', info: `connected to ${publisher?.broker} again after ${failures} failed attempt(s); ${queue.length} queued event(s) left` }));
        failures = 0;
      } catch (error) {
        if (error instanceof CannotPublish || error instanceof UnsupportedTransportError) {
          for (const item of queue.splice(0)) drop(item, error.message);
          break;
        }
        failures += 1;
        if (failures === 1) log(context({ level: 'warning', error: `cannot publish, retrying with backoff; events are queued (at most ${maxQueued}): ${messageOf(error)}`, queued: queue.length }));
        await publisher?.close();
        if (closing) break;
        await pause(Math.min((options.retryInitialMs ?? RETRY_INITIAL_MS) * 2 ** (failures - 1), options.retryMaxMs ?? RETRY_MAX_MS));
      } finally {
        publishing = undefined;
      }
    }
  };

  /** Sleeps, cut short by close(). */
  const pause = (ms: number): Promise<void> => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    wakeUp = () => {
      clearTimeout(timer);
      resolve();
    };
  });

  const kick = (): void => {
    pumping ??= pump().finally(() => {
      pumping = undefined;
      if (queue.length > 0 && !closing) kick();
    });
  };

  return {
    name: 'oslo-messaging',
    async check() {
      if (current() !== undefined) await loadAmqp().then((module) => (amqplib = Promise.resolve(module)));
    },
    deliver(event: RuntimeEvent) {
      // drain.progress is a heartbeat for systemd and the reload client, not a notification.
      if (event.event === 'drain.progress') return;
      const wanted = current();
      if (wanted === undefined || closing) return;
      queue.push({ notification: buildOsloNotification(event, publisherId), sent: new Set() });
      if (queue.length > maxQueued) {
        const oldest = queue[0] === publishing && queue.length > 1 ? 1 : 0;
        drop(queue.splice(oldest, 1)[0]!, `more than ${maxQueued} notifications are waiting for the broker`);
      }
      kick();
    },
    async close() {
      closing = true;
      if (pumping && queue.length > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([pumping, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
        clearTimeout(timer);
      }
      wakeUp?.();
      for (const item of queue.splice(0)) drop(item, 'the service stopped before the broker took it');
      await publisher?.close();
      await pumping;
      await publisher?.close();
    },
  };
}

/** A failure that retrying cannot mend (amqplib missing): the queued events are dropped, saying why. */
class CannotPublish extends Error {}
