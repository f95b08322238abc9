// The control socket server: a unix stream socket (mode 0660) through which `<svc> reload` asks the
// running service to reload and waits for the outcome, and `<svc> status` reads its state.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { chmod, lstat, mkdir, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ReloadEndEvent, RuntimeEvent } from '../model/events.js';
import type { RuntimeStatus } from '../status.js';
import { describeProgress } from '../model/describe-event.js';
import { readBoundedLine } from './bounded-line-reader.js';
import { createConnectionTracker, DEFAULT_CONTROL_LIMITS, type ConnectionTracker, type ControlLimits } from './connection-limits.js';
import { encodeLine, parseRequest, type ControlMessage, type ControlRequest } from './protocol.js';

/** What the server needs from the runtime (kept small so the server does not depend on the core). */
export interface ControlHandler {
  /** Runs one reload; `onProgress` is called with each event the reload causes before its reload.end. */
  reload(options: { waitDrained: boolean; onProgress: (event: RuntimeEvent) => void }): Promise<ReloadEndEvent>;
  status(): RuntimeStatus;
}

/** A listening control server. */
export interface ControlServer {
  path: string;
  /** Stops accepting, closes open connections and removes the socket file. */
  close(): Promise<void>;
}

/** Permission bits of the socket: owner and group may reload. */
export const CONTROL_SOCKET_MODE = 0o660;

/** Starts listening at `path`; replaces a stale socket file, refuses when another instance answers on it. */
export async function startControlServer(path: string, handler: ControlHandler, limits: ControlLimits = DEFAULT_CONTROL_LIMITS): Promise<ControlServer> {
  await prepareSocketPath(path);
  const tracker = createConnectionTracker(limits);
  const server = createServer((socket) => {
    socket.on('error', () => undefined); // a client that goes away must not affect the service
    if (tracker.admit(socket, refuseConnection)) serveConnection(socket, handler, tracker, limits);
  });
  await listen(server, path);
  try {
    await chmod(path, CONTROL_SOCKET_MODE);
  } catch (cause) {
    server.close();
    throw new Error(`cannot set mode 0660 on control socket ${path}: ${(cause as Error).message}`, { cause });
  }
  return {
    path,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of tracker.sockets()) socket.destroy();
      await closed;
      await unlink(path).catch(() => undefined);
    },
  };
}

/** Longest unix socket path Linux binds (sun_path is 108 bytes with the terminating NUL); longer ones are cut short. */
export const MAX_SOCKET_PATH_BYTES = 107;

/** Makes sure `path` can be bound: creates its directory, removes a stale socket, refuses a live one. */
async function prepareSocketPath(path: string): Promise<void> {
  const bytes = Buffer.byteLength(path);
  if (bytes > MAX_SOCKET_PATH_BYTES) {
    throw new Error(`control socket ${path} is ${bytes} bytes long; a unix socket path may have at most ${MAX_SOCKET_PATH_BYTES} (set control_socket to a shorter path)`);
  }
  await mkdir(dirname(path), { recursive: true }).catch((cause: Error) => {
    throw new Error(`cannot create the directory of control socket ${path}: ${cause.message}`, { cause });
  });
  const stats = await lstat(path).catch(() => undefined);
  if (stats === undefined) return;
  if (!stats.isSocket()) {
    throw new Error(`control socket ${path} exists and is not a socket; refusing to replace it (remove it or set control_socket elsewhere)`);
  }
  if (await acceptsConnections(path)) {
    throw new Error(`another instance is running: control socket ${path} accepts connections (stop it first, or set a different control_socket)`);
  }
  await unlink(path).catch((cause: Error) => {
    throw new Error(`cannot remove stale control socket ${path}: ${cause.message}`, { cause });
  });
}

/** True when something listens on the socket at `path`. */
function acceptsConnections(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    probe.setTimeout(2000, () => { probe.destroy(); resolve(true); });
    probe.on('connect', () => { probe.destroy(); resolve(true); });
    probe.on('error', () => resolve(false));
  });
}

/** Binds the server, turning a bind failure into an error that names the socket. */
function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (cause) => reject(new Error(`cannot listen on control socket ${path}: ${cause.message}`, { cause })));
    server.listen(path, () => resolve());
  });
}

/** Reads one bounded request line from a connection, runs it and writes progress lines and the result. */
function serveConnection(socket: Socket, handler: ControlHandler, tracker: ConnectionTracker, limits: ControlLimits): void {
  const send = (message: ControlMessage): void => {
    if (!socket.destroyed && socket.writable) socket.write(encodeLine(message));
  };
  const finish = (message: ControlMessage): void => answerAndClose(socket, message);
  readBoundedLine(socket, limits.maxRequestBytes, {
    onTooLong: (message) => refuseConnection(socket, message),
    onLine(line) {
      tracker.requested(socket);
      let request: ControlRequest;
      try {
        request = parseRequest(line);
      } catch (error) {
        finish({ type: 'result', ok: false, error: { message: (error as Error).message } });
        return;
      }
      runRequest(request, handler, (event) => send({ type: 'progress', event, message: describeProgress(event) })).then(finish, (error: Error) =>
        finish({ type: 'result', ok: false, error: { message: `${request.command} failed: ${error.message}` } }),
      );
    },
  });
}

/** Answers a connection the server will not serve with a failed result saying why, then closes it. */
function refuseConnection(socket: Socket, message: string): void {
  socket.pause();
  answerAndClose(socket, { type: 'result', ok: false, error: { message } });
}

/** Writes the last line and closes once it is flushed (a client that never hangs up holds nothing). */
function answerAndClose(socket: Socket, message: ControlMessage): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(encodeLine(message), () => socket.destroy());
}

/** Runs one parsed request against the handler. */
async function runRequest(request: ControlRequest, handler: ControlHandler, progress: (event: RuntimeEvent) => void): Promise<ControlMessage> {
  if (request.command === 'status') return { type: 'result', ok: true, status: handler.status() };
  const event = await handler.reload({ waitDrained: request.waitDrained, onProgress: progress });
  return { type: 'result', ok: event.outcome === 'succeeded', event };
}
