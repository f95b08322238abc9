// HTTP helpers: body parsing errors, number fields, status mapping, listen errors.
import t from 'tap';
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { HttpError, listenHttp, readJsonBody, requireNumber, statusOf } from '../../../../../examples/cinder/shared/http-json.js';

const body = (text: string) => Readable.from([text]) as unknown as IncomingMessage;

t.test('bodies and fields', async (t) => {
  t.same(await readJsonBody(body('{"a":1}')), { a: 1 });
  await t.rejects(readJsonBody(body('[1]')), { status: 400, message: 'expected a JSON object as request body, got "[1]"' });
  await t.rejects(readJsonBody(body('{')), { status: 400, message: 'expected a JSON object as request body, got "{"' });
  t.equal(requireNumber({ size: 3 }, 'size', 1), 3);
  t.throws(() => requireNumber({ size: 0 }, 'size', 1), { message: 'expected "size" to be an integer >= 1, got 0' });
  t.throws(() => requireNumber({}, 'size', 1), { message: 'expected "size" to be an integer >= 1, got undefined' });
});

t.test('status codes', async (t) => {
  t.equal(statusOf(new HttpError(409, 'x')), 409);
  t.equal(statusOf(Object.assign(new Error('x'), { name: 'UnknownDriverError' })), 404);
  t.equal(statusOf(Object.assign(new Error('x'), { name: 'ServiceStoppingError' })), 503);
  t.equal(statusOf(new Error('backend gone')), 502);
});

t.test('listening on a taken port names the address and what for', async (t) => {
  const first = createServer();
  await new Promise<void>((r) => first.listen(0, '127.0.0.1', r));
  t.teardown(() => first.close());
  const port = (first.address() as { port: number }).port;
  await t.rejects(listenHttp({ host: '127.0.0.1', port }, () => undefined, 'the test API'), {
    message: `cannot listen for the test API on 127.0.0.1:${port}: listen EADDRINUSE: address already in use 127.0.0.1:${port}`,
  });
});
