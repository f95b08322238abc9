// cinder-api's stateless driver: forwards to its endpoint; unreachable and slow endpoints are named.
import t from 'tap';
import { createServer } from 'node:http';
import { createVolumeClientDriver } from '../../../../../examples/cinder/cinder-api/volume-client-driver.js';
import { makeDriverContext } from '../../../../helpers/driver-context.js';

t.test('forwards method, path and body, relays status and body', async (t) => {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c)).on('end', () => {
      const delay = req.url === '/slow' ? 500 : 0;
      setTimeout(() => res.writeHead(201).end(JSON.stringify({ method: req.method, url: req.url, body })), delay);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.teardown(() => server.close());
  const port = (server.address() as { port: number }).port;
  const driver = createVolumeClientDriver(makeDriverContext('volume-client', 'api', { api: { volume_endpoint: { host: '127.0.0.1', port }, request_timeout: 0.2 } }));
  t.equal(driver.endpoint, `127.0.0.1:${port}`);
  t.same(await driver.forward('POST', '/v3/volumes', '{"a":1}'), { status: 201, body: '{"method":"POST","url":"/v3/volumes","body":"{\\"a\\":1}"}' });
  await t.rejects(driver.forward('POST', '/slow', ''), { message: `cinder-volume at 127.0.0.1:${port} did not answer within 0.2 s ([api] request_timeout)` });
});

t.test('an endpoint nobody listens on is named with its option', async (t) => {
  const driver = createVolumeClientDriver(makeDriverContext('volume-client', 'api', { api: { volume_endpoint: { host: '127.0.0.1', port: 1 }, request_timeout: 5 } }));
  await t.rejects(driver.forward('GET', '/', ''), { message: 'cannot reach cinder-volume at 127.0.0.1:1 ([api] volume_endpoint): connect ECONNREFUSED 127.0.0.1:1' });
});
