// Reads the one request line of a control connection without ever holding more than a bound of it:
// the moment the bytes received without a newline pass the bound the reader stops reading (the socket
// is paused, nothing more is buffered) and reports the refusal.
import type { Socket } from 'node:net';

/** Longest request line the server accepts, newline excluded; a request is a few dozen bytes. */
export const MAX_REQUEST_BYTES = 8 * 1024;

/** What the reader reports: the first non-blank line, or that the line passed the bound. */
export interface LineReaderCallbacks {
  onLine(line: string): void;
  onTooLong(message: string): void;
}

/** The message a client gets when its request line passes `maxBytes`. */
export function requestTooLongMessage(maxBytes: number): string {
  return `control request longer than ${maxBytes} bytes without a newline: refused (a request is one short JSON line)`;
}

/**
 * Reads the first non-blank line from `socket` (at most `maxBytes` bytes before its newline), then stops
 * reading: the socket is paused and its data listener removed, whatever the client sends afterwards.
 */
export function readBoundedLine(socket: Socket, maxBytes: number, callbacks: LineReaderCallbacks): void {
  let chunks: Buffer[] = [];
  let held = 0;
  const stop = (): void => {
    socket.removeListener('data', onData);
    socket.pause();
    chunks = [];
    held = 0;
  };
  const onData = (data: Buffer | string): void => {
    let chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    while (chunk.length > 0) {
      const newline = chunk.indexOf(0x0a);
      const upTo = newline === -1 ? chunk.length : newline;
      if (held + upTo > maxBytes) {
        stop();
        callbacks.onTooLong(requestTooLongMessage(maxBytes));
        return;
      }
      if (newline === -1) {
        chunks.push(chunk);
        held += chunk.length;
        return;
      }
      const line = Buffer.concat([...chunks, chunk.subarray(0, newline)]).toString('utf8');
      chunks = [];
      held = 0;
      chunk = chunk.subarray(newline + 1);
      if (line.trim() !== '') {
        stop();
        callbacks.onLine(line);
        return;
      }
    }
  };
  socket.on('data', onData);
}
