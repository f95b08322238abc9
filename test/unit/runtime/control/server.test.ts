// The control server over a real unix socket: mode, stale and live sockets, reload with progress, status, bad requests.
import t, { type Test } from 'tap';
import { mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createStaleUnixSocket } from '../../../helpers/stale-unix-socket.js';
import { join } from 'node:path';
import type { ReloadEndEvent, ReloadStartEvent } from '../../../../runtime/model/events.js';
import type { ProgressMessage } from '../../../../runtime/control/protocol.js';
import type { RuntimeStatus } from '../../../../runtime/status.js';
import { startControlServer, type ControlHandler } from '../../../../runtime/control/server.js';
import { sendControlRequest } from '../../../../runtime/control/client.js';

const end: ReloadEndEvent = {
  event: 'reload.end', service: 'svc', pid: 1, id: 1, trigger: 'control-socket', time: 'T', outcome: 'succeeded',
  changed: [], restartRequired: [], reinitialised: [], durationMs: 1,
};

const started = (id: number): ReloadStartEvent => ({ event: 'reload.start', service: 'svc', pid: 1, id, trigger: 'control-socket', time: 'T' });
const status: RuntimeStatus = {
  service: 'svc', pid: 1, state: 'ready', generations: {}, inFlight: {}, trackedInFlight: 0, draining: [], configFiles: [],
};
const handler: ControlHandler = {
  async reload({ waitDrained, onProgress }) {
    onProgress(started(1));
    onProgress(started(waitDrained ? 3 : 2));
    return waitDrained ? { ...end, outcome: 'aborted', error: { message: 'drain budget ran out' } } : end;
  },
  status: () => status,
};

function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'control-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

t.test('serves reload and status, socket mode 0660, removed on close', async (t) => {
  const path = join(tempDir(t), 'run', 'svc', 'control.sock');
  const server = await startControlServer(path, handler);
  t.equal(statSync(path).mode & 0o777, 0o660);
  const progress: ProgressMessage[] = [];
  const result = await sendControlRequest(path, { command: 'reload', waitDrained: false }, { onProgress: (m) => progress.push(m) });
  t.same(progress, [
    { type: 'progress', event: started(1), message: 'reload 1 started (trigger: control-socket)' },
    { type: 'progress', event: started(2), message: 'reload 2 started (trigger: control-socket)' },
  ], 'each progress line carries the event and the same as a sentence');
  t.same(result, { type: 'result', ok: true, event: end });
  const aborted = await sendControlRequest(path, { command: 'reload', waitDrained: true });
  t.equal(aborted.ok, false);
  t.equal(aborted.event?.outcome, 'aborted');
  t.same(await sendControlRequest(path, { command: 'status' }), { type: 'result', ok: true, status });
  await server.close();
  t.notOk(existsSync(path), 'socket file removed');
});

t.test('a failing handler and a bad request get a result with the reason', async (t) => {
  const path = join(tempDir(t), 'control.sock');
  const server = await startControlServer(path, { ...handler, reload: async () => { throw new Error('controller exploded'); } });
  t.teardown(() => server.close());
  const result = await sendControlRequest(path, { command: 'reload', waitDrained: false });
  t.same(result, { type: 'result', ok: false, error: { message: 'reload failed: controller exploded' } });
  const bad = await sendControlRequest(path, { command: 'restart' } as never);
  t.same(bad, { type: 'result', ok: false, error: { message: 'control request: expected "command" to be "reload" or "status", got "restart"' } });
});

t.test('replaces a stale socket file', async (t) => {
  const path = join(tempDir(t), 'control.sock');
  await createStaleUnixSocket(path);
  t.ok(existsSync(path), 'stale socket file present');
  const server = await startControlServer(path, handler);
  t.teardown(() => server.close());
  t.equal((await sendControlRequest(path, { command: 'status' })).ok, true);
});

t.test('refuses a live socket and a non-socket file', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'control.sock');
  const first = await startControlServer(path, handler);
  t.teardown(() => first.close());
  await t.rejects(startControlServer(path, handler), {
    message: `another instance is running: control socket ${path} accepts connections (stop it first, or set a different control_socket)`,
  });
  const file = join(dir, 'plain');
  writeFileSync(file, '');
  await t.rejects(startControlServer(file, handler), {
    message: `control socket ${file} exists and is not a socket; refusing to replace it (remove it or set control_socket elsewhere)`,
  });
});
