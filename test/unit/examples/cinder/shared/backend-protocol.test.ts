// The fake backend's line protocol.
import t from 'tap';
import { encodeBackendMessage, parseBackendMessage, splitLines } from '../../../../../examples/cinder/shared/backend-protocol.js';

t.test('round trip and errors', async (t) => {
  const line = encodeBackendMessage({ type: 'request', id: 1, op: 'create_volume', size: 2, duration_ms: 3 });
  t.equal(line, '{"type":"request","id":1,"op":"create_volume","size":2,"duration_ms":3}\n');
  t.same(parseBackendMessage(line.trim()), { type: 'request', id: 1, op: 'create_volume', size: 2, duration_ms: 3 });
  t.throws(() => parseBackendMessage('nope'), { message: 'fake-backend protocol: expected a JSON line, got "nope"' });
  t.throws(() => parseBackendMessage('{"type":"x"}'), { message: 'fake-backend protocol: expected type hello, request or reply, got "{\\"type\\":\\"x\\"}"' });
  const lines: string[] = [];
  const split = splitLines((l) => lines.push(l));
  split('a\nb');
  split('c\n\n');
  t.same(lines, ['a', 'bc']);
});
