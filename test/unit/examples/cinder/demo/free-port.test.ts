import t from 'tap';
import { createServer } from 'node:net';
import { findFreePort } from '../../../../../examples/cinder/demo/free-port.js';

t.test('the port it returns can be listened on at once', async (t) => {
  const port = await findFreePort();
  t.ok(port > 0 && port < 65536, `a TCP port, got ${port}`);
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  t.teardown(() => server.close());
  t.not(await findFreePort(), port, 'a port in use is not handed out again');
});
