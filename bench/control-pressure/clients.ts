// The hostile control clients of bench/control-pressure: one that sends a huge line without a newline, and
// many that connect, send half a request and then hold the connection.
import { connect, type Socket } from 'node:net';

/** What the server answered a client that sent `bytes` without a newline. */
export interface FloodResult {
  bytesWritten: number;
  answer: string;
}

/** Writes up to `totalBytes` of "x" without a newline, in 64 KiB chunks, until the server answers or closes. */
export function sendHugeLine(path: string, totalBytes: number): Promise<FloodResult> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const chunk = Buffer.alloc(64 * 1024, 0x78);
    let written = 0;
    let answer = '';
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ bytesWritten: written, answer: answer.trim() });
    };
    const pump = (): void => {
      while (!done && written < totalBytes) {
        written += chunk.length;
        if (!socket.write(chunk)) {
          socket.once('drain', pump);
          return;
        }
      }
    };
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => { answer += text; });
    socket.on('connect', pump);
    socket.on('close', finish);
    socket.on('error', finish);
  });
}

/** Connections that each sent half a request line and wait. */
export interface HalfRequests {
  /** Connections still open right now. */
  countOpen(): number;
  /** Connections the client could not open at all (the client's own descriptor limit). */
  failedToOpen: number;
  /** The first answer line each closed connection received, counted by text. */
  answers(): Map<string, number>;
  close(): void;
}

/** Opens `count` connections, each sending `{"command":"rel` and nothing more. */
export async function openHalfRequests(path: string, count: number): Promise<HalfRequests> {
  const sockets: Socket[] = [];
  const open = new Set<Socket>();
  const answers = new Map<string, number>();
  let failedToOpen = 0;
  await Promise.all(Array.from({ length: count }, () => new Promise<void>((resolve) => {
    const socket = connect(path);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => { answer += text; });
    socket.on('connect', () => { open.add(socket); socket.write('{"command":"rel'); resolve(); });
    socket.on('error', () => { failedToOpen += open.has(socket) ? 0 : 1; resolve(); });
    socket.on('close', () => {
      if (!open.delete(socket)) return;
      const key = messageOf(answer.split('\n')[0] ?? '');
      answers.set(key, (answers.get(key) ?? 0) + 1);
    });
    sockets.push(socket);
  })));
  return { countOpen: () => open.size, failedToOpen, answers: () => answers, close: () => sockets.forEach((s) => s.destroy()) };
}

/** The error message of a result line, or what the connection got instead. */
function messageOf(line: string): string {
  if (line === '') return '(closed without an answer)';
  try {
    return (JSON.parse(line) as { error?: { message?: string } }).error?.message ?? line;
  } catch {
    return line;
  }
}
