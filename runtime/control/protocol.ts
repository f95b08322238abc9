// The control socket protocol: the client sends one JSON line; the server answers with zero or more
// `{"type":"progress","event":{…},"message":…}` lines, then one `{"type":"result",…}` line, and closes.
import type { EventError, ReloadEndEvent, RuntimeEvent } from '../model/events.js';
import type { RuntimeStatus } from '../status.js';

/** A request a client may send. */
export type ControlRequest = { command: 'reload'; waitDrained: boolean } | { command: 'status' };

/** A progress line, sent while a request runs: the runtime's event, and the same as a sentence. */
export interface ProgressMessage {
  type: 'progress';
  /** The event itself, for clients that render or act on it (absent from services before 0.2). */
  event?: RuntimeEvent;
  /** describeProgress(event), for clients that only print. */
  message: string;
}

/** The last line: `event` for reload, `status` for status, `error` when the request itself failed. */
export interface ResultMessage {
  type: 'result';
  ok: boolean;
  event?: ReloadEndEvent;
  status?: RuntimeStatus;
  error?: EventError;
}

/** Any line the server sends. */
export type ControlMessage = ProgressMessage | ResultMessage;

/** Longest line either side accepts; a request is a few dozen bytes, a status a few kilobytes. */
export const MAX_LINE_LENGTH = 1024 * 1024;

/** A line that does not follow the protocol. */
export class ControlProtocolError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ControlProtocolError';
  }
}

/** Serialises one protocol line, newline included. */
export function encodeLine(message: ControlRequest | ControlMessage): string {
  return JSON.stringify(message) + '\n';
}

/** Parses a request line; the error says what was received and what is expected. */
export function parseRequest(line: string): ControlRequest {
  const value = parseJsonObject(line, 'request');
  if (value['command'] === 'status') return { command: 'status' };
  if (value['command'] === 'reload') {
    const waitDrained = value['waitDrained'] ?? false;
    if (typeof waitDrained !== 'boolean') {
      throw new ControlProtocolError(`control request: expected "waitDrained" to be true or false, got ${JSON.stringify(waitDrained)}`);
    }
    return { command: 'reload', waitDrained };
  }
  throw new ControlProtocolError(`control request: expected "command" to be "reload" or "status", got ${JSON.stringify(value['command'])}`);
}

/** Parses a line from the server. */
export function parseMessage(line: string): ControlMessage {
  const value = parseJsonObject(line, 'answer');
  if (value['type'] === 'progress' && typeof value['message'] === 'string') {
    const event = value['event'];
    const structured = typeof event === 'object' && event !== null && typeof (event as { event?: unknown }).event === 'string';
    return structured ? { type: 'progress', message: value['message'], event: event as RuntimeEvent } : { type: 'progress', message: value['message'] };
  }
  if (value['type'] === 'result' && typeof value['ok'] === 'boolean') return value as unknown as ResultMessage;
  throw new ControlProtocolError(`control answer: expected a progress or result line, got ${truncate(line)}`);
}

/** Returns a function that splits a byte stream into lines and calls `onLine` for each complete one. */
export function createLineSplitter(onLine: (line: string) => void): (chunk: string) => void {
  let pending = '';
  return (chunk) => {
    pending += chunk;
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line.trim() !== '') onLine(line);
      newline = pending.indexOf('\n');
    }
    if (pending.length > MAX_LINE_LENGTH) {
      throw new ControlProtocolError(`control line longer than ${MAX_LINE_LENGTH} characters`);
    }
  };
}

/** Parses JSON that must be an object. */
function parseJsonObject(line: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (cause) {
    throw new ControlProtocolError(`control ${what}: expected one JSON object per line, got ${truncate(line)}`, { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ControlProtocolError(`control ${what}: expected a JSON object, got ${truncate(line)}`);
  }
  return value as Record<string, unknown>;
}

/** Keeps error messages short when a peer sends garbage. */
function truncate(text: string): string {
  return JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);
}
