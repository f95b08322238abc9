// The fake backend over real TCP: greeting with both ports, operations that take their duration, logs.
import t from 'tap';
import { connect } from 'node:net';
import { startFakeBackend } from '../../../../../examples/cinder/fake-backend/server.js';
import { splitLines } from '../../../../../examples/cinder/shared/backend-protocol.js';

t.test('greets, serves an operation after its duration, logs connection and operation', async (t) => {
  const log: Array<Record<string, unknown>> = [];
  const backend = await startFakeBackend('127.0.0.1', 0, (e) => log.push(e));
  t.teardown(() => backend.close());
  const socket = connect(backend.port, '127.0.0.1');
  const lines: string[] = [];
  socket.setEncoding('utf8').on('data', splitLines((l) => lines.push(l)));
  await new Promise((r) => socket.once('connect', r));
  const clientPort = socket.localPort;
  const started = Date.now();
  socket.write('{"type":"request","id":7,"op":"create_volume","size":1,"duration_ms":200}\n');
  while (lines.length < 2) await new Promise((r) => setTimeout(r, 10));
  t.ok(Date.now() - started >= 190, 'the operation took its duration');
  t.same(JSON.parse(lines[0] ?? ''), { type: 'hello', backend_port: backend.port, client_port: clientPort });
  t.match(JSON.parse(lines[1] ?? ''), { type: 'reply', id: 7, ok: true, volume_id: new RegExp(`^vol-${backend.port}-\\d+$`), backend_port: backend.port });
  socket.end();
  await new Promise((r) => socket.once('close', r));
  while (!log.some((e) => e['event'] === 'disconnected')) await new Promise((r) => setTimeout(r, 10));
  t.same(log.map((e) => e['event']), ['listening', 'connected', 'op.start', 'op.end', 'disconnected']);
  t.match(log.at(-1), { port: backend.port, client_port: clientPort, open_operations: 0 });
});
