// A fake storage backend: a TCP server that greets each client with its own port and runs volume
// operations that take `duration_ms`. It logs every connection and operation as a JSON line, so tests
// and the demo can see which backend served what and when a connection closed.
import { createServer, type Server, type Socket } from 'node:net';
import { encodeBackendMessage, parseBackendMessage, splitLines, type RequestMessage } from '../shared/backend-protocol.js';

/** A running fake backend. */
export interface FakeBackend {
  port: number;
  close(): Promise<void>;
}

/** Where log lines go (stdout in the program). */
export type BackendLog = (event: Record<string, unknown>) => void;

let volumeCounter = 0;

/** Listens on host:port (port 0 = any free port) and serves until closed. */
export async function startFakeBackend(host: string, port: number, log: BackendLog): Promise<FakeBackend> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => serveClient(socket, backendPort(server), log, sockets));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause) => reject(new Error(`fake-backend: cannot listen on ${host}:${port}: ${cause.message}`, { cause })));
    server.listen(port, host, () => resolve());
  });
  const actual = backendPort(server);
  log({ event: 'listening', host, port: actual });
  return {
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The port the server listens on. */
function backendPort(server: Server): number {
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

/** Greets one client and answers its requests, each after its duration. */
function serveClient(socket: Socket, port: number, log: BackendLog, sockets: Set<Socket>): void {
  sockets.add(socket);
  const clientPort = socket.remotePort ?? 0;
  let open = 0;
  log({ event: 'connected', port, client_port: clientPort });
  socket.setEncoding('utf8');
  socket.write(encodeBackendMessage({ type: 'hello', backend_port: port, client_port: clientPort }));
  socket.on('data', splitLines((line) => {
    let request: RequestMessage;
    try {
      const message = parseBackendMessage(line);
      if (message.type !== 'request') throw new Error(`fake-backend protocol: expected a request, got type ${message.type}`);
      request = message;
    } catch (error) {
      log({ event: 'protocol_error', port, client_port: clientPort, error: (error as Error).message });
      return;
    }
    open += 1;
    log({ event: 'op.start', port, client_port: clientPort, id: request.id, duration_ms: request.duration_ms });
    setTimeout(() => {
      open -= 1;
      const volumeId = `vol-${port}-${++volumeCounter}`;
      log({ event: 'op.end', port, client_port: clientPort, id: request.id, volume_id: volumeId });
      if (!socket.destroyed) {
        socket.write(encodeBackendMessage({ type: 'reply', id: request.id, ok: true, volume_id: volumeId, backend_port: port }));
      }
    }, Math.max(0, request.duration_ms));
  }));
  socket.on('error', () => undefined);
  socket.on('close', () => {
    sockets.delete(socket);
    log({ event: 'disconnected', port, client_port: clientPort, open_operations: open });
  });
}
