// A control client that speaks raw bytes: connects, writes what a test says, and collects what the
// server sends until it closes the connection (for half requests, oversized lines and idle clients).
import { connect, type Socket } from 'node:net';

/** One raw connection to a control socket. */
export interface RawConnection {
  socket: Socket;
  /** Resolves, when the server has closed the connection, with everything it sent. */
  closed: Promise<string>;
}

/** Connects to `path`, resolving once connected; writes `first` when given. */
export function openRawConnection(path: string, first?: string): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => { received += chunk; });
    const closed = new Promise<string>((done) => socket.on('close', () => done(received)));
    socket.on('error', () => undefined); // the server closing on a writing client shows up as EPIPE/ECONNRESET
    socket.once('connect', () => {
      if (first !== undefined) socket.write(first);
      resolve({ socket, closed });
    });
    socket.once('error', reject);
  });
}

/** The error message of the one result line in `received` (throws when there is not exactly one). */
export function refusalOf(received: string): string {
  const lines = received.split('\n').filter((line) => line !== '');
  if (lines.length !== 1) throw new Error(`expected one result line from the server, got ${JSON.stringify(received)}`);
  const result = JSON.parse(lines[0] as string) as { type?: string; ok?: boolean; error?: { message?: string } };
  if (result.type !== 'result' || result.ok !== false || typeof result.error?.message !== 'string') {
    throw new Error(`expected a failed result line, got ${lines[0]}`);
  }
  return result.error.message;
}
