// Bounds what control clients can hold: how many connections are open at once, and how long one may
// stay open without sending its request. At the bound, the oldest connection that has not sent a request
// yet makes room for the new one, so a reload is never queued behind idle clients; when every open
// connection is running a request, the new one is refused with a message that says so.
import type { Socket } from 'node:net';
import { MAX_REQUEST_BYTES } from './bounded-line-reader.js';

/** Limits of the control server (defaults: DEFAULT_CONTROL_LIMITS). */
export interface ControlLimits {
  /** Open control connections at once (each holds a file descriptor of the service). */
  maxConnections: number;
  /** A connection that has not sent a complete request line after this long is closed. */
  requestDeadlineMs: number;
  /** Longest request line, newline excluded. */
  maxRequestBytes: number;
}

/** 64 connections, 5 s to send the request, 8 KiB per request line. */
export const DEFAULT_CONTROL_LIMITS: ControlLimits = { maxConnections: 64, requestDeadlineMs: 5000, maxRequestBytes: MAX_REQUEST_BYTES };

/** How one connection is tracked: `requested` once its request line is complete. */
interface Tracked {
  socket: Socket;
  requested: boolean;
  deadline: NodeJS.Timeout;
}

/** What the server calls for each connection. */
export interface ConnectionTracker {
  /** Admits `socket` (evicting an idle one at the bound) or refuses it; `refuse` sends the reason and closes. */
  admit(socket: Socket, refuse: (target: Socket, message: string) => void): boolean;
  /** The connection's request line is complete: its deadline no longer applies and it is not evictable. */
  requested(socket: Socket): void;
  /** Every open connection (for close()). */
  sockets(): Socket[];
}

/** The message an idle connection gets when the deadline passes. */
export function deadlineMessage(limits: ControlLimits): string {
  return `no complete control request within ${limits.requestDeadlineMs / 1000} s: closing the connection`;
}

/** The message an idle connection gets when it is closed to make room. */
export function evictedMessage(limits: ControlLimits): string {
  return `closed to make room: ${limits.maxConnections} control connections are open (the limit) and this one had not sent a request`;
}

/** The message a new connection gets when every open one is running a request. */
export function busyMessage(limits: ControlLimits): string {
  return `refused: ${limits.maxConnections} control requests are running (the limit); try again when one has finished`;
}

/** Creates the tracker that enforces `limits`. */
export function createConnectionTracker(limits: ControlLimits): ConnectionTracker {
  const open = new Map<Socket, Tracked>(); // insertion order = oldest first
  return {
    admit(socket, refuse) {
      if (open.size >= limits.maxConnections) {
        const idle = [...open.values()].find((entry) => !entry.requested);
        if (idle === undefined) {
          refuse(socket, busyMessage(limits));
          return false;
        }
        forget(idle.socket);
        refuse(idle.socket, evictedMessage(limits));
      }
      const deadline = setTimeout(() => {
        forget(socket);
        refuse(socket, deadlineMessage(limits));
      }, limits.requestDeadlineMs);
      deadline.unref();
      open.set(socket, { socket, requested: false, deadline });
      socket.once('close', () => forget(socket));
      return true;
    },
    requested(socket) {
      const entry = open.get(socket);
      if (entry === undefined) return;
      clearTimeout(entry.deadline);
      entry.requested = true;
    },
    sockets: () => [...open.keys()],
  };

  function forget(socket: Socket): void {
    const entry = open.get(socket);
    if (entry === undefined) return;
    clearTimeout(entry.deadline);
    open.delete(socket);
  }
}
