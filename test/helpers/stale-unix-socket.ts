// Leaves a stale unix socket file behind, as a crashed process does: a child listens on it and is SIGKILLed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Creates a socket file at `path` on which nobody listens any more. */
export async function createStaleUnixSocket(path: string): Promise<void> {
  const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(path)}, () => console.log('up'))`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`socket child exited early with ${code}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  if (!existsSync(path)) throw new Error(`expected a stale socket file at ${path} after SIGKILL`);
}
