// The fake storage backend's wire protocol: JSON lines over TCP.
// server → client on connect: {"type":"hello","backend_port":P,"client_port":C}
// client → server: {"type":"request","id":N,"op":"create_volume","size":GB,"duration_ms":MS}
// server → client: {"type":"reply","id":N,"ok":true,"volume_id":"…","backend_port":P} or {"ok":false,"error":"…"}

/** The greeting a backend sends each client: its own listening port and the client's port. */
export interface HelloMessage {
  type: 'hello';
  backend_port: number;
  client_port: number;
}

/** A volume operation that takes `duration_ms` of backend work. */
export interface RequestMessage {
  type: 'request';
  id: number;
  op: 'create_volume';
  size: number;
  duration_ms: number;
}

/** The answer to one request. */
export interface ReplyMessage {
  type: 'reply';
  id: number;
  ok: boolean;
  volume_id?: string;
  backend_port?: number;
  error?: string;
}

/** Any message of the protocol. */
export type BackendMessage = HelloMessage | RequestMessage | ReplyMessage;

/** Serialises one message as a line. */
export function encodeBackendMessage(message: BackendMessage): string {
  return JSON.stringify(message) + '\n';
}

/** Parses one line; the error quotes what was received. */
export function parseBackendMessage(line: string): BackendMessage {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (cause) {
    throw new Error(`fake-backend protocol: expected a JSON line, got ${JSON.stringify(line.slice(0, 200))}`, { cause });
  }
  const type = (value as { type?: unknown } | null)?.type;
  if (type !== 'hello' && type !== 'request' && type !== 'reply') {
    throw new Error(`fake-backend protocol: expected type hello, request or reply, got ${JSON.stringify(line.slice(0, 200))}`);
  }
  return value as BackendMessage;
}

/** Calls `onLine` for every complete line of a text stream. */
export function splitLines(onLine: (line: string) => void): (chunk: string) => void {
  let pending = '';
  return (chunk) => {
    pending += chunk;
    let at = pending.indexOf('\n');
    while (at !== -1) {
      const line = pending.slice(0, at);
      pending = pending.slice(at + 1);
      if (line.trim() !== '') onLine(line);
      at = pending.indexOf('\n');
    }
  };
}
