// The same small service as a plain Node app for pm2 (cluster mode needs CommonJS): it reads its
// answer from the configuration file once at start-up, and stops gracefully on SIGINT (pm2's reload
// signal): stop accepting, let running requests finish, exit. pm2 kills it after kill_timeout.
import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';

/** Reads `--name value` from the command line. */
function readArgument(name: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? undefined : process.argv[at + 1];
  if (value === undefined) throw new Error(`pm2-app: missing --${name}`);
  return value;
}

/** The `answer = …` line of the [svc] section (the same file format as the bench service). */
function readAnswer(file: string): string {
  const svc = readFileSync(file, 'utf8').split(/^\[/m).find((part) => part.startsWith('svc]'));
  const answer = svc === undefined ? undefined : /^answer\s*=\s*(.*)$/m.exec(svc)?.[1]?.trim();
  if (answer === undefined) throw new Error(`pm2-app: no "answer" option in [svc] of ${file}`);
  return answer;
}

const port = Number(readArgument('port'));
const answer = readAnswer(readArgument('config'));

/** Writes a JSON answer. */
function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://bench');
  const body = { value: answer, pid: process.pid };
  if (url.pathname === '/short') return send(res, 200, body);
  if (url.pathname === '/long') {
    setTimeout(() => send(res, 200, body), Number(url.searchParams.get('ms') ?? '2000'));
    return;
  }
  send(res, 404, { error: `no route ${url.pathname}` });
});
server.listen(port, '127.0.0.1');

process.on('SIGINT', () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
