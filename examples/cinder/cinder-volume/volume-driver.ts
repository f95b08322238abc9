// The volume driver: holds one TCP connection to its storage backend (the driver shape "connection").
// Built per backend section; a reload that changes san_ip/san_port builds a new one (new connection)
// and the old one is closed only after its last operation, so in-flight work is never cut.
import { connect, type Socket } from 'node:net';
import { ConfigError, type DriverContext } from '../../../runtime/index.js';
import { encodeBackendMessage, parseBackendMessage, splitLines, type ReplyMessage } from '../shared/backend-protocol.js';

/** Seconds to wait for the backend's greeting before the driver build fails. */
export const CONNECT_TIMEOUT_MS = 5000;

/** What a finished volume operation returns. */
export interface CreatedVolume {
  volumeId: string;
  backendPort: number;
}

/** A connected volume driver. */
export interface VolumeDriver {
  /** The port the backend reported in its greeting. */
  readonly backendPort: number;
  createVolume(size: number, durationMs: number): Promise<CreatedVolume>;
  close(): Promise<void>;
}

/** Connects to the backend of section `ctx.section`; a failure is a ConfigError naming san_ip/san_port. */
export async function connectVolumeDriver(ctx: DriverContext): Promise<VolumeDriver> {
  const values = ctx.config.section(ctx.section);
  const host = values['san_ip'] as string;
  const port = values['san_port'] as number;
  let socket: Socket;
  let greeting: { backend_port: number; pending: string[] };
  try {
    ({ socket, greeting } = await openConnection(host, port));
  } catch (cause) {
    const where = ctx.config.sourceOf(ctx.section, 'san_port') ?? ctx.config.sourceOf(ctx.section, 'san_ip');
    throw new ConfigError(`cannot connect to the storage backend at ${host}:${port}: ${(cause as Error).message}`, {
      file: where?.file, line: where?.line, section: ctx.section, option: 'san_port', value: String(port), cause,
    });
  }
  return new ConnectedVolumeDriver(socket, greeting.backend_port, greeting.pending);
}

/** Opens the TCP connection and waits for the hello line (the rest of the chunk is kept). */
function openConnection(host: string, port: number): Promise<{ socket: Socket; greeting: { backend_port: number; pending: string[] } }> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.setEncoding('utf8');
    const lines: string[] = [];
    const timer = setTimeout(() => fail(new Error(`no greeting within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    const onData = splitLines((line) => lines.push(line));
    const onChunk = (chunk: string): void => {
      onData(chunk);
      const first = lines.shift();
      if (first === undefined) return;
      let hello;
      try {
        hello = parseBackendMessage(first);
      } catch (error) {
        fail(error as Error);
        return;
      }
      if (hello.type !== 'hello') return fail(new Error(`expected a hello greeting, got ${first}`));
      clearTimeout(timer);
      socket.off('data', onChunk);
      socket.off('error', fail);
      resolve({ socket, greeting: { backend_port: hello.backend_port, pending: lines } });
    };
    socket.on('data', onChunk);
    socket.on('error', fail);
  });
}

/** Multiplexes operations over the one connection by request id. */
class ConnectedVolumeDriver implements VolumeDriver {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: CreatedVolume) => void; reject: (e: Error) => void }>();
  private lost: Error | undefined;

  constructor(private readonly socket: Socket, readonly backendPort: number, pending: string[]) {
    const onLine = (line: string): void => this.onReply(line);
    pending.forEach(onLine);
    socket.on('data', splitLines(onLine));
    socket.on('error', (error) => (this.lost = error));
    socket.on('close', () => this.failAll(this.lost ?? new Error(`the backend on port ${backendPort} closed the connection`)));
  }

  createVolume(size: number, durationMs: number): Promise<CreatedVolume> {
    if (this.lost || this.socket.destroyed) {
      return Promise.reject(new Error(`connection to the backend on port ${this.backendPort} is closed`));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.socket.write(encodeBackendMessage({ type: 'request', id, op: 'create_volume', size, duration_ms: durationMs }));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.destroyed) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.end();
      setTimeout(() => this.socket.destroy(), 2000).unref();
    });
  }

  private onReply(line: string): void {
    let reply: ReplyMessage;
    try {
      const message = parseBackendMessage(line);
      if (message.type !== 'reply') return;
      reply = message;
    } catch {
      return;
    }
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (reply.ok && reply.volume_id) waiter.resolve({ volumeId: reply.volume_id, backendPort: reply.backend_port ?? this.backendPort });
    else waiter.reject(new Error(`backend on port ${this.backendPort} refused the operation: ${reply.error ?? 'no reason given'}`));
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
