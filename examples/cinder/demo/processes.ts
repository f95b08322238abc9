// Helpers of the local demo: start the example programs, send HTTP requests, run the CLI.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** examples/cinder/bin of the source tree (the demo runs from build/examples/cinder/demo/). */
export const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'examples', 'cinder', 'bin');

/** A started program and the output it has printed so far. */
export interface Program {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first output line matching `pattern`; rejects when the program exits first. */
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
}

/** Starts examples/cinder/bin/`name`. */
export function startProgram(name: string, args: string[]): Program {
  const child = spawn(join(BIN, name), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => (text += c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => (text += c));
  return {
    child,
    output: () => text,
    waitFor: (pattern, ms = 15000) =>
      new Promise((resolve, reject) => {
        const deadline = Date.now() + ms;
        const poll = (): void => {
          const line = text.split('\n').find((l) => pattern.test(l));
          if (line !== undefined) return resolve(line);
          if (child.exitCode !== null || Date.now() > deadline) {
            return reject(new Error(`${name} did not print ${pattern} (exit code ${child.exitCode}); output:\n${text}`));
          }
          setTimeout(poll, 25);
        };
        poll();
      }),
  };
}

/** Runs examples/cinder/bin/`name` to completion, echoing its output lines with a prefix. */
export function runCommand(name: string, args: string[], echo: (line: string) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(join(BIN, name), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const relay = (chunk: string): void => chunk.split('\n').filter(Boolean).forEach(echo);
    child.stdout.setEncoding('utf8').on('data', relay);
    child.stderr.setEncoding('utf8').on('data', relay);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** POSTs a volume request to cinder-volume; resolves with status, body and how long it took. */
export function postVolume(port: number, backend: string, durationMs: number): Promise<{ status: number; body: Record<string, unknown>; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/v3/volumes', agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown>, ms: Date.now() - started }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ backend, size: 1, duration_ms: durationMs }));
  });
}
