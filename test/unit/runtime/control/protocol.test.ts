// The control protocol's lines, and the exact errors for lines that break it.
import t from 'tap';
import { createLineSplitter, encodeLine, parseMessage, parseRequest } from '../../../../runtime/control/protocol.js';

t.test('requests', async (t) => {
  t.same(parseRequest('{"command":"reload","waitDrained":true}'), { command: 'reload', waitDrained: true });
  t.same(parseRequest('{"command":"reload"}'), { command: 'reload', waitDrained: false });
  t.same(parseRequest('{"command":"status"}'), { command: 'status' });
  t.equal(encodeLine({ command: 'status' }), '{"command":"status"}\n');
  t.throws(() => parseRequest('{"command":"restart"}'), { message: 'control request: expected "command" to be "reload" or "status", got "restart"' });
  t.throws(() => parseRequest('{"command":"reload","waitDrained":"yes"}'), { message: 'control request: expected "waitDrained" to be true or false, got "yes"' });
  t.throws(() => parseRequest('reload'), { message: 'control request: expected one JSON object per line, got "reload"' });
  t.throws(() => parseRequest('[1]'), { message: 'control request: expected a JSON object, got "[1]"' });
});

t.test('answers', async (t) => {
  t.same(parseMessage('{"type":"progress","message":"draining"}'), { type: 'progress', message: 'draining' });
  t.same(parseMessage('{"type":"result","ok":true,"status":{"state":"ready"}}'), { type: 'result', ok: true, status: { state: 'ready' } });
  t.throws(() => parseMessage('{"type":"result"}'), { message: 'control answer: expected a progress or result line, got "{\\"type\\":\\"result\\"}"' });
});

t.test('line splitting across chunks', async (t) => {
  const lines: string[] = [];
  const split = createLineSplitter((line) => lines.push(line));
  split('{"a":');
  split('1}\n\n{"b":2}\n{"c"');
  t.same(lines, ['{"a":1}', '{"b":2}']);
  split(':3}\n');
  t.same(lines, ['{"a":1}', '{"b":2}', '{"c":3}']);
  t.throws(() => split('x'.repeat(1024 * 1024 + 1)), { message: 'control line longer than 1048576 characters' });
});
