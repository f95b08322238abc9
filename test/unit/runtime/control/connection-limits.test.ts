// Connection limits of the control server over a real unix socket: the request deadline, the bound on
// open connections (idle ones make room for a reload; running ones make a new one be refused) and the
// refusal of an oversized request line while the client keeps sending.
import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReloadEndEvent } from '../../../../runtime/model/events.js';
import { requestTooLongMessage } from '../../../../runtime/control/bounded-line-reader.js';
import { busyMessage, deadlineMessage, evictedMessage, type ControlLimits } from '../../../../runtime/control/connection-limits.js';
import { sendControlRequest } from '../../../../runtime/control/client.js';
import { startControlServer, type ControlHandler, type ControlServer } from '../../../../runtime/control/server.js';
import { openRawConnection, refusalOf } from '../../../helpers/raw-control-connection.js';
import type { RuntimeStatus } from '../../../../runtime/status.js';

const end: ReloadEndEvent = {
  event: 'reload.end', service: 'svc', pid: 1, id: 1, trigger: 'control-socket', time: 'T', outcome: 'succeeded',
  changed: [], restartRequired: [], reinitialised: [], durationMs: 1,
};
const status: RuntimeStatus = {
  service: 'svc', pid: 1, state: 'ready', generations: {}, inFlight: {}, trackedInFlight: 0, draining: [], configFiles: [],
};
const handler: ControlHandler = { reload: async () => end, status: () => status };

async function start(t: Test, limits: ControlLimits, use: ControlHandler = handler): Promise<ControlServer> {
  const dir = mkdtempSync(join(tmpdir(), 'control-limits-'));
  const server = await startControlServer(join(dir, 'control.sock'), use, limits);
  t.teardown(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return server;
}

t.test('the messages name the limit', async (t) => {
  const limits: ControlLimits = { maxConnections: 64, requestDeadlineMs: 5000, maxRequestBytes: 8192 };
  t.equal(deadlineMessage(limits), 'no complete control request within 5 s: closing the connection');
  t.equal(evictedMessage(limits), 'closed to make room: 64 control connections are open (the limit) and this one had not sent a request');
  t.equal(busyMessage(limits), 'refused: 64 control requests are running (the limit); try again when one has finished');
});

t.test('a connection with half a request is answered with the reason and closed at the deadline', async (t) => {
  const limits: ControlLimits = { maxConnections: 4, requestDeadlineMs: 200, maxRequestBytes: 8192 };
  const server = await start(t, limits);
  const half = await openRawConnection(server.path, '{"command":');
  t.equal(refusalOf(await half.closed), deadlineMessage(limits));
  t.same(await sendControlRequest(server.path, { command: 'status' }), { type: 'result', ok: true, status }, 'the server still serves');
});

t.test('at the bound, the oldest idle connection makes room for a reload; the others stay open', async (t) => {
  const limits: ControlLimits = { maxConnections: 3, requestDeadlineMs: 60000, maxRequestBytes: 8192 };
  const server = await start(t, limits);
  const idle = await Promise.all([1, 2, 3].map(async () => {
    const connection = await openRawConnection(server.path, '{"comm');
    await new Promise((resolve) => setTimeout(resolve, 20)); // accepted in this order: oldest first
    return connection;
  }));
  const events: string[] = [];
  idle.forEach((connection, index) => void connection.closed.then((received) => events.push(`idle ${index + 1} closed: ${received === '' ? 'by the test' : refusalOf(received)}`)));
  const result = await sendControlRequest(server.path, { command: 'reload', waitDrained: false }, { timeoutMs: 10000 });
  events.push(`reload ${result.event?.outcome}`);
  t.same(events, [`idle 1 closed: ${evictedMessage(limits)}`, 'reload succeeded']);
  t.equal(idle[1]?.socket.destroyed, false, 'the second idle connection is still open');
  t.equal(idle[2]?.socket.destroyed, false, 'the third idle connection is still open');
  idle.forEach((connection) => connection.socket.destroy());
});

t.test('when every open connection runs a request, a new one is refused, and the running ones finish', async (t) => {
  const limits: ControlLimits = { maxConnections: 2, requestDeadlineMs: 60000, maxRequestBytes: 8192 };
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => { release = resolve; });
  let started = 0;
  let bothStarted: () => void = () => undefined;
  const running = new Promise<void>((resolve) => { bothStarted = resolve; });
  const server = await start(t, limits, {
    ...handler,
    async reload() {
      started += 1;
      if (started === 2) bothStarted();
      await released;
      return end;
    },
  });
  const first = sendControlRequest(server.path, { command: 'reload', waitDrained: false });
  const second = sendControlRequest(server.path, { command: 'reload', waitDrained: false });
  await running;
  const third = await sendControlRequest(server.path, { command: 'status' });
  t.same(third, { type: 'result', ok: false, error: { message: busyMessage(limits) } });
  release();
  t.equal((await first).ok, true);
  t.equal((await second).ok, true);
  t.equal((await sendControlRequest(server.path, { command: 'status' })).ok, true, 'served again once they finished');
});

t.test('an oversized request line is refused while the client keeps sending; the server serves on', async (t) => {
  const limits: ControlLimits = { maxConnections: 4, requestDeadlineMs: 60000, maxRequestBytes: 8192 };
  const server = await start(t, limits);
  const flood = await openRawConnection(server.path);
  const chunk = Buffer.alloc(256 * 1024, 0x78);
  let writes = 0;
  const keepWriting = (): void => {
    while (!flood.socket.destroyed && writes < 200) {
      writes += 1;
      if (!flood.socket.write(chunk)) return;
    }
  };
  flood.socket.on('drain', keepWriting);
  keepWriting();
  t.equal(refusalOf(await flood.closed), requestTooLongMessage(8192));
  t.ok(writes < 200, `the server closed the connection before the client had sent 50 MiB (${writes} writes of 256 KiB)`);
  t.equal((await sendControlRequest(server.path, { command: 'status' })).ok, true);
});
