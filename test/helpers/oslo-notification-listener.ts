// Runs oslo-notification-listener.py, a real oslo.messaging notification listener (Debian's
// python3-oslo.messaging, run by Debian's /usr/bin/python3, not whatever python3 is first on PATH).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Test } from 'tap';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'oslo-notification-listener.py');

/** One notification as the listener's endpoint received it. */
export interface ReceivedNotification {
  priority: string;
  publisher_id: string;
  event_type: string;
  payload: Record<string, unknown>;
  metadata: { message_id: string; timestamp: string };
}

/** A started listener. */
export interface OsloListener {
  received(): ReceivedNotification[];
  stderr(): string;
}

/** Starts the listener on `exchange`/`topic` and waits until it consumes; stopped (SIGTERM) at teardown. */
export async function startOsloListener(t: Test, transportUrl: string, exchange: string, topic: string): Promise<OsloListener> {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: install Debian's python3 and python3-oslo.messaging (scripts/install-deps.sh does)`);
  const child = spawn(PYTHON, [SCRIPT, transportUrl, exchange, topic], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err = (err + chunk).slice(-20_000)));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the oslo.messaging listener did not start within 30 s; stderr:\n${err}`)), 30_000);
    const check = setInterval(() => {
      if (out.includes('{"listening": true}')) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(check);
      clearTimeout(timer);
      const missing = /No module named '?(oslo_messaging|oslo_config)/.test(err) ? ' (install Debian\'s python3-oslo.messaging)' : '';
      reject(new Error(`the oslo.messaging listener exited with ${code} before listening${missing}; stderr:\n${err}`));
    });
  });
  return {
    received: () => out.split('\n').filter((line) => line.startsWith('{"priority"')).map((line) => JSON.parse(line) as ReceivedNotification),
    stderr: () => err,
  };
}
