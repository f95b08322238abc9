// The volume driver against a real fake backend: connect, operations, close, and a located connect error.
import t from 'tap';
import { createServer } from 'node:net';
import { startFakeBackend } from '../../../../../examples/cinder/fake-backend/server.js';
import { connectVolumeDriver } from '../../../../../examples/cinder/cinder-volume/volume-driver.js';
import { makeDriverContext } from '../../../../helpers/driver-context.js';

t.test('holds one connection and multiplexes operations over it', async (t) => {
  const log: Array<Record<string, unknown>> = [];
  const backend = await startFakeBackend('127.0.0.1', 0, (e) => log.push(e));
  t.teardown(() => backend.close());
  const driver = await connectVolumeDriver(makeDriverContext('volume', 'backend_a', { backend_a: { san_ip: '127.0.0.1', san_port: backend.port } }));
  t.equal(driver.backendPort, backend.port);
  const [slow, fast] = await Promise.all([driver.createVolume(1, 150), driver.createVolume(1, 0)]);
  t.equal(slow.backendPort, backend.port);
  t.not(slow.volumeId, fast.volumeId);
  t.equal(log.filter((e) => e['event'] === 'connected').length, 1, 'one connection for both operations');
  await driver.close();
  await t.rejects(driver.createVolume(1, 0), { message: `connection to the backend on port ${backend.port} is closed` });
});

t.test('a backend that is not there fails the build with file, line and option', async (t) => {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as { port: number }).port;
  await new Promise((r) => probe.close(r));
  const ctx = makeDriverContext('volume', 'backend_a', { backend_a: { san_ip: '127.0.0.1', san_port: port } }, {
    backend_a: { san_port: { file: '/etc/cinder/cinder.conf', line: 12 } },
  });
  await t.rejects(connectVolumeDriver(ctx), {
    name: 'ConfigError',
    file: '/etc/cinder/cinder.conf',
    line: 12,
    section: 'backend_a',
    option: 'san_port',
    message: `/etc/cinder/cinder.conf:12: [backend_a] san_port: cannot connect to the storage backend at 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`,
  });
});

t.test('in-flight operations fail with a clear error when the backend goes away', async (t) => {
  const backend = await startFakeBackend('127.0.0.1', 0, () => undefined);
  const driver = await connectVolumeDriver(makeDriverContext('volume', 'b', { b: { san_ip: '127.0.0.1', san_port: backend.port } }));
  const pending = driver.createVolume(1, 5000);
  await new Promise((r) => setTimeout(r, 50));
  await backend.close();
  await t.rejects(pending, { message: `the backend on port ${backend.port} closed the connection` });
});
