// The floor bench/client-startup compares the reload client with: the least a Node.js program can do to
// ask a service for its status over the control socket (connect, one request line, read the answer
// line, exit). No argument parsing, no config files, no progress: what any client of ours must pay.
import { connect } from 'node:net';

const socket = connect(process.argv[2] ?? '');
let answer = '';
socket.setEncoding('utf8');
socket.on('connect', () => socket.write('{"command":"status"}\n'));
socket.on('data', (chunk: string) => {
  answer += chunk;
  if (answer.includes('"type":"result"')) socket.end();
});
socket.on('error', (error) => {
  process.stderr.write(`floor-client: ${error.message}\n`);
  process.exitCode = 1;
});
