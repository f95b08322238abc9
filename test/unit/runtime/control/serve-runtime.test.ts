// serveRuntime over a real runtime and a real unix socket: a reload asked for on the socket streams the
// runtime's events as progress and ends with its reload.end; status is rt.status(); close removes the file.
import t from 'tap';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../../../../runtime/create-runtime.js';
import { serveRuntime } from '../../../../runtime/control/serve-runtime.js';
import { sendControlRequest } from '../../../../runtime/control/client.js';
import type { ProgressMessage } from '../../../../runtime/control/protocol.js';
import { createFakeService, writeConfigText } from '../../../helpers/fake-drivers.js';

t.test('reload and status of a created runtime through its control socket', async (t) => {
  const dir = t.testdir({ 'c.conf': writeConfigText({ a: 1 }) });
  const fake = createFakeService();
  const rt = await createRuntime(fake.service, { configFiles: [join(dir, 'c.conf')] });
  t.teardown(() => rt.stop());
  const short = mkdtempSync(join(tmpdir(), 'serve-')); // unix socket paths are short; the test dir's is not
  t.teardown(() => rmSync(short, { recursive: true, force: true }));
  const server = await serveRuntime(rt, { path: join(short, 'control.sock') });
  t.equal(server.path, join(short, 'control.sock'));

  const progress: ProgressMessage[] = [];
  const result = await sendControlRequest(server.path, { command: 'reload', waitDrained: false }, { onProgress: (p) => progress.push(p) });
  t.match(result, { type: 'result', ok: true, event: { event: 'reload.end', id: 1, trigger: 'control-socket', outcome: 'succeeded' } });
  t.match(progress, [{ type: 'progress', event: { event: 'reload.start', id: 1, trigger: 'control-socket' }, message: 'reload 1 started (trigger: control-socket)' }]);
  t.equal(progress.length, 1, 'reload.end is the result, not a progress line');

  const status = await sendControlRequest(server.path, { command: 'status' });
  t.same(status.status, JSON.parse(JSON.stringify(rt.status())), 'status is rt.status()');
  t.equal(status.status?.lastReload?.id, 1);

  await server.close();
  t.notOk(existsSync(server.path), 'close removes the socket file');
});

t.test('a socket path longer than a unix socket can hold is refused, naming its length', async (t) => {
  const dir = t.testdir({ 'c.conf': writeConfigText({ a: 1 }) });
  const rt = await createRuntime(createFakeService().service, { configFiles: [join(dir, 'c.conf')] });
  t.teardown(() => rt.stop());
  const long = join(tmpdir(), 'x'.repeat(120), 'control.sock');
  await t.rejects(serveRuntime(rt, { path: long }), {
    message: `control socket ${long} is ${Buffer.byteLength(long)} bytes long; a unix socket path may have at most 107 (set control_socket to a shorter path)`,
  });
  t.notOk(existsSync(join(tmpdir(), 'x'.repeat(120))), 'nothing was created');
});
