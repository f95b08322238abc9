// An in-memory stand-in for amqplib's promise API (the subset runtime/notify/amqp-connection.ts uses):
// brokers that can go down, with every connect, declaration and confirmed publish recorded.
import { EventEmitter } from 'node:events';
import type { AmqplibModule } from '../../runtime/notify/amqp-connection.js';

/** One published message as the broker confirmed it. */
export interface FakePublished {
  broker: string;
  exchange: string;
  routingKey: string;
  body: string;
  properties: Record<string, unknown>;
}

/** Brokers by `host:port`; each is up unless stopped. */
export class FakeAmqp {
  readonly published: FakePublished[] = [];
  readonly declared: string[] = [];
  readonly connects: Array<{ broker: string; username: string; password: string; vhost: string }> = [];
  private readonly down = new Set<string>();
  private readonly open = new Set<{ broker: string; emitter: EventEmitter; channel: EventEmitter }>();

  /** The module to hand to the code under test. */
  readonly module: AmqplibModule = {
    connect: async (target) => {
      const broker = `${target.hostname}:${target.port}`;
      this.connects.push({ broker, username: target.username, password: target.password, vhost: target.vhost });
      if (this.down.has(broker)) throw new Error(`connect ECONNREFUSED ${broker}`);
      return this.connection(broker) as never;
    },
  };

  /** Stops a broker: its connections close (pending confirmations fail), new ones are refused. */
  stop(broker: string): void {
    this.down.add(broker);
    for (const entry of [...this.open]) {
      if (entry.broker !== broker) continue;
      this.open.delete(entry);
      entry.channel.emit('close');
      entry.emitter.emit('close');
    }
  }

  start(broker: string): void {
    this.down.delete(broker);
  }

  /** Connections still open, by broker. */
  openConnections(): string[] {
    return [...this.open].map((entry) => entry.broker);
  }

  private connection(broker: string) {
    const emitter = new EventEmitter();
    const channel = new EventEmitter();
    const entry = { broker, emitter, channel };
    this.open.add(entry);
    let closed = false;
    channel.on('close', () => (closed = true));
    const fake = {
      assertExchange: async (name: string, type: string, options: object) => void this.declared.push(`exchange ${name} ${type} ${JSON.stringify(options)}`),
      assertQueue: async (name: string, options: object) => void this.declared.push(`queue ${name} ${JSON.stringify(options)}`),
      bindQueue: async (queue: string, exchange: string, key: string) => void this.declared.push(`bind ${queue} ${exchange} ${key}`),
      publish: (exchange: string, routingKey: string, content: Buffer, properties: Record<string, unknown>, callback: (error: unknown) => void) => {
        if (closed || this.down.has(broker)) throw new Error('Channel closed');
        this.published.push({ broker, exchange, routingKey, body: content.toString('utf8'), properties });
        setImmediate(() => callback(null));
        return true;
      },
      on: (event: string, listener: () => void) => channel.on(event, listener),
    };
    return {
      createConfirmChannel: async () => fake,
      close: async () => {
        this.open.delete(entry);
        closed = true;
      },
      on: (event: string, listener: () => void) => emitter.on(event, listener),
    };
  }
}
