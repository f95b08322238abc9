// The control client's errors: not running (missing file, nobody listening), timeout, closed without result.
import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { createStaleUnixSocket } from '../../../helpers/stale-unix-socket.js';
import { join } from 'node:path';
import { ControlTimeoutError, ServiceNotRunningError, sendControlRequest } from '../../../../runtime/control/client.js';
import type { ProgressMessage } from '../../../../runtime/control/protocol.js';

function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'client-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function listen(t: Test, path: string, onData: (socket: import('node:net').Socket) => void): Promise<Server> {
  const server = createServer((socket) => socket.once('data', () => onData(socket)));
  t.teardown(() => server.close());
  return new Promise((resolve) => server.listen(path, () => resolve(server)));
}

t.test('a missing socket file means not running', async (t) => {
  const path = join(tempDir(t), 'none.sock');
  const error = await sendControlRequest(path, { command: 'status' }).catch((e: Error) => e);
  t.ok(error instanceof ServiceNotRunningError);
  t.equal((error as Error).message, `the service is not running: the socket file does not exist (control socket ${path})`);
});

t.test('a stale socket means not running', async (t) => {
  const path = join(tempDir(t), 'stale.sock');
  await createStaleUnixSocket(path);
  const error = await sendControlRequest(path, { command: 'status' }).catch((e: Error) => e);
  t.ok(error instanceof ServiceNotRunningError);
  t.equal((error as Error).message, `the service is not running: nothing accepts connections on it (control socket ${path})`);
});

t.test('times out when no result comes', async (t) => {
  const path = join(tempDir(t), 'slow.sock');
  await listen(t, path, (socket) => socket.write('{"type":"progress","message":"working"}\n'));
  const progress: ProgressMessage[] = [];
  const error = await sendControlRequest(path, { command: 'status' }, { timeoutMs: 300, onProgress: (m) => progress.push(m) }).catch((e: Error) => e);
  t.ok(error instanceof ControlTimeoutError);
  t.equal((error as Error).message, `no answer on control socket ${path} within 0.3 s; the service may still finish the request`);
  t.same(progress, [{ type: 'progress', message: 'working' }], 'a progress line without an event (an older service) is passed on as it came');
});

t.test('a connection closed without a result is an error', async (t) => {
  const path = join(tempDir(t), 'rude.sock');
  await listen(t, path, (socket) => socket.end());
  await t.rejects(sendControlRequest(path, { command: 'status' }), {
    message: `the service closed control socket ${path} without a result (did it stop?)`,
  });
});
