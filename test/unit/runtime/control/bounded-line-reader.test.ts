// The bounded line reader over a real unix socket: a line split over writes, blank lines, and a line
// that passes the bound — refused once, after which the reader holds nothing and reads nothing more.
import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBoundedLine, requestTooLongMessage } from '../../../../runtime/control/bounded-line-reader.js';
import { openRawConnection } from '../../../helpers/raw-control-connection.js';

type Outcome = { kind: 'line' | 'too-long'; text: string; socket: Socket };

/** A server whose every connection is read by readBoundedLine with `maxBytes`; resolves the first outcome. */
async function serveOnce(t: Test, maxBytes: number): Promise<{ path: string; outcome: Promise<Outcome> }> {
  const dir = mkdtempSync(join(tmpdir(), 'line-reader-'));
  const path = join(dir, 'r.sock');
  let report: (outcome: Outcome) => void = () => undefined;
  const outcome = new Promise<Outcome>((resolve) => { report = resolve; });
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    readBoundedLine(socket, maxBytes, {
      onLine: (text) => report({ kind: 'line', text, socket }),
      onTooLong: (text) => report({ kind: 'too-long', text, socket }),
    });
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  t.teardown(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });
  return { path, outcome };
}

t.test('a line split over several writes, after blank lines, is read whole; the rest is not read', async (t) => {
  const { path, outcome } = await serveOnce(t, 64);
  const client = await openRawConnection(path, '\n  \n{"command":');
  client.socket.write('"status"}\nignored second line\n');
  const result = await outcome;
  t.same({ kind: result.kind, text: result.text }, { kind: 'line', text: '{"command":"status"}' });
  t.equal(result.socket.listenerCount('data'), 0, 'the reader stopped listening');
  t.equal(result.socket.isPaused(), true, 'the socket is paused');
  result.socket.destroy();
});

t.test('a line of exactly the bound is accepted', async (t) => {
  const { path, outcome } = await serveOnce(t, 16);
  const client = await openRawConnection(path, `${'x'.repeat(16)}\n`);
  t.equal((await outcome).text, 'x'.repeat(16));
  client.socket.destroy();
});

t.test('a line longer than the bound is refused as soon as it passes it, without buffering the rest', async (t) => {
  const maxBytes = 1024;
  const { path, outcome } = await serveOnce(t, maxBytes);
  const client = await openRawConnection(path);
  const megabyte = Buffer.alloc(1024 * 1024, 0x78);
  for (let i = 0; i < 8; i += 1) client.socket.write(megabyte); // 8 MiB, no newline
  const result = await outcome;
  t.equal(result.kind, 'too-long');
  t.equal(result.text, requestTooLongMessage(maxBytes));
  t.equal(result.text, 'control request longer than 1024 bytes without a newline: refused (a request is one short JSON line)');
  t.ok(result.socket.bytesRead <= maxBytes + 64 * 1024, `read at most the bound plus one read chunk (read ${result.socket.bytesRead} bytes)`);
  t.equal(result.socket.listenerCount('data'), 0, 'the reader stopped listening');
  t.equal(result.socket.isPaused(), true, 'the socket is paused: the kernel, not the service, holds what the client still sends');
  result.socket.destroy();
  client.socket.destroy();
});
