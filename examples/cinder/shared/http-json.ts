// Small JSON-over-HTTP helpers shared by the cinder services (node:http only).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { HostPort } from '../../../runtime/index.js';

/** An error with the HTTP status it should be answered with. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HttpError';
  }
}

/** Reads a request body of at most 64 KiB and parses it as a JSON object. */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 65536) throw new HttpError(413, 'request body larger than 64 KiB');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new HttpError(400, `expected a JSON object as request body, got ${JSON.stringify(text.slice(0, 100))}`, { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, `expected a JSON object as request body, got ${JSON.stringify(text.slice(0, 100))}`);
  }
  return value as Record<string, unknown>;
}

/** Sends a JSON answer and resolves when it has been handed to the socket. */
export function sendJson(res: ServerResponse, status: number, body: unknown): Promise<void> {
  const text = JSON.stringify(body) + '\n';
  return new Promise((resolve) => {
    if (res.writableEnded) return resolve();
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text, () => resolve());
  });
}

/** Reads a positive integer field of a request body. */
export function requireNumber(body: Record<string, unknown>, field: string, min: number): number {
  const value = body[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new HttpError(400, `expected "${field}" to be an integer >= ${min}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Starts an HTTP server on `address`; the error names the address. */
export function listenHttp(address: HostPort, handler: (req: IncomingMessage, res: ServerResponse) => void, what: string): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', (cause) => reject(new Error(`cannot listen for ${what} on ${address.host}:${address.port}: ${cause.message}`, { cause })));
    server.listen(address.port, address.host, () => resolve(server));
  });
}

/** Stops accepting and closes idle keep-alive connections; in-flight requests finish on their own. */
export function stopListening(server: Server): void {
  server.close();
  server.closeIdleConnections?.();
}

/** Maps runtime admission errors and HttpErrors to a status code. */
export function statusOf(error: unknown): number {
  if (error instanceof HttpError) return error.status;
  const name = (error as Error | undefined)?.name;
  if (name === 'UnknownDriverError') return 404;
  if (name === 'ServiceStoppingError' || name === 'GateFullError' || name === 'GateTimeoutError') return 503;
  return 502;
}
