// One AMQP 0-9-1 publishing connection for oslo.messaging notifications, through amqplib (an optional
// dependency, imported only when a messaging driver is configured). It declares what oslo's rabbit
// driver declares before publishing a notification: the topic exchange and a queue named after the
// routing key (Connection._publish_and_creates_default_queue), so that nothing is lost before a
// consumer binds; both non-durable and not auto-deleted, oslo's defaults.
import type { TransportHost, TransportUrl } from '../config/transport-url.js';
import { messageOf } from '../model/message-of.js';

/** The subset of amqplib's promise API used here (its types are not a dependency of the runtime). */
export interface AmqplibModule {
  connect(url: AmqpConnectTarget, socketOptions?: { timeout?: number; clientProperties?: Record<string, string> }): Promise<AmqpConnection>;
}
interface AmqpConnectTarget {
  protocol: 'amqp';
  hostname: string;
  port: number;
  username: string;
  password: string;
  vhost: string;
  heartbeat: number;
}
interface AmqpConnection {
  createConfirmChannel(): Promise<AmqpConfirmChannel>;
  close(): Promise<void>;
  on(event: 'error' | 'close', listener: (error?: Error) => void): unknown;
}
interface AmqpConfirmChannel {
  assertExchange(name: string, type: 'topic', options: { durable: boolean; autoDelete: boolean }): Promise<unknown>;
  assertQueue(name: string, options: { durable: boolean; autoDelete: boolean }): Promise<unknown>;
  bindQueue(queue: string, exchange: string, routingKey: string): Promise<unknown>;
  publish(exchange: string, routingKey: string, content: Buffer, options: Record<string, unknown>, callback: (error: unknown) => void): boolean;
  on(event: 'error' | 'close', listener: (error?: Error) => void): unknown;
}

/** The package's name; a variable so that TypeScript does not resolve it at build time. */
const AMQPLIB = 'amqplib';

/** Transport URL schemes this publisher speaks (oslo's rabbit driver and its old alias). */
export const AMQP_SCHEMES = ['rabbit', 'kombu'];

/** How long connecting to one broker and confirming one message may take. */
export const AMQP_TIMEOUT_MS = 10_000;

/** Imports amqplib; throws saying how to install it when it is missing. */
export async function loadAmqplib(): Promise<AmqplibModule> {
  try {
    const loaded = (await import(AMQPLIB)) as Partial<AmqplibModule> & { default?: AmqplibModule };
    const module = typeof loaded.connect === 'function' ? (loaded as AmqplibModule) : loaded.default;
    if (module && typeof module.connect === 'function') return module;
    throw new Error('it has no connect()');
  } catch (cause) {
    throw new Error('[oslo_messaging_notifications] driver messagingv2/messaging needs the npm package amqplib, which cannot be '
      + `loaded (${messageOf(cause)}): install it next to the service (npm install amqplib) or remove the driver`, { cause });
  }
}

/** A connection that publishes notifications; broken once the broker closes it. */
export interface AmqpPublisher {
  /** Which broker of the URL it reached, as `host:port`. */
  readonly broker: string;
  /** True once the connection or channel has closed (the sink then opens a new one). */
  readonly broken: boolean;
  /** Publishes one message and resolves when the broker confirmed it. */
  publish(exchange: string, routingKey: string, body: Buffer, properties: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

/** Connects to the first broker of `url` that answers (in the URL's order) and opens a confirm channel. */
export async function openAmqpPublisher(amqplib: AmqplibModule, url: TransportUrl, clientName: string): Promise<AmqpPublisher> {
  if (!AMQP_SCHEMES.includes(url.scheme)) {
    throw new UnsupportedTransportError(`transport_url scheme ${url.scheme}:// is not supported for notifications (expected ${AMQP_SCHEMES.map((s) => `${s}://`).join(' or ')})`);
  }
  const hosts: TransportHost[] = url.hosts.length > 0 ? url.hosts : [{}];
  const failures: string[] = [];
  for (const host of hosts) {
    const target = connectTarget(host, url.virtualHost);
    const broker = `${target.hostname}:${target.port}`;
    try {
      const connection = await amqplib.connect(target, { timeout: AMQP_TIMEOUT_MS, clientProperties: { connection_name: clientName } });
      return await openPublisher(connection, broker);
    } catch (error) {
      failures.push(`${broker}: ${messageOf(error)}`);
    }
  }
  throw new Error(`cannot connect to the message broker (${failures.join('; ')})`);
}

/** The connection parameters of one host, with the defaults of oslo's rabbit driver and kombu. */
function connectTarget(host: TransportHost, virtualHost: string | undefined): AmqpConnectTarget {
  const anonymous = host.username === undefined && host.password === undefined;
  return {
    protocol: 'amqp',
    hostname: host.hostname ?? 'localhost',
    port: host.port ?? 5672,
    username: anonymous ? 'guest' : host.username ?? '',
    password: anonymous ? 'guest' : host.password ?? '',
    vhost: virtualHost === undefined || virtualHost === '' ? '/' : virtualHost,
    heartbeat: 60,
  };
}

/** Opens the confirm channel and keeps track of what it already declared. */
async function openPublisher(connection: AmqpConnection, broker: string): Promise<AmqpPublisher> {
  let broken = false;
  const markBroken = (): void => {
    broken = true;
  };
  connection.on('error', markBroken);
  connection.on('close', markBroken);
  let channel: AmqpConfirmChannel;
  try {
    channel = await connection.createConfirmChannel();
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
  channel.on('error', markBroken);
  channel.on('close', markBroken);
  const exchanges = new Set<string>();
  const queues = new Set<string>();
  return {
    broker,
    get broken() {
      return broken;
    },
    async publish(exchange, routingKey, body, properties) {
      if (!exchanges.has(exchange)) {
        await channel.assertExchange(exchange, 'topic', { durable: false, autoDelete: false });
        exchanges.add(exchange);
      }
      const queue = `${exchange}\u0000${routingKey}`;
      if (!queues.has(queue)) {
        await channel.assertQueue(routingKey, { durable: false, autoDelete: false });
        await channel.bindQueue(routingKey, exchange, routingKey);
        queues.add(queue);
      }
      await confirmPublish(channel, exchange, routingKey, body, properties);
    },
    async close() {
      broken = true;
      await connection.close().catch(() => undefined);
    },
  };
}

/** Publishes and waits for the broker's confirmation (a closed channel rejects, and so does a timeout). */
function confirmPublish(channel: AmqpConfirmChannel, exchange: string, routingKey: string, body: Buffer, properties: Record<string, unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no confirmation from the broker within ${AMQP_TIMEOUT_MS} ms`)), AMQP_TIMEOUT_MS);
    timer.unref();
    channel.publish(exchange, routingKey, body, { ...properties }, (error) => {
      clearTimeout(timer);
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve();
    });
  });
}

/** The transport URL names a driver this publisher does not speak (retrying cannot help). */
export class UnsupportedTransportError extends Error {}
