// Runs the built cinder example programs (examples/cinder/bin/*) as real processes for integration tests:
// fake backends, cinder-volume/-scheduler/-api, their CLI, HTTP requests and the notification file.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Test } from 'tap';

import { findFreePort } from '../../examples/cinder/demo/free-port.js';

/** A TCP port that was free a moment ago. */
export const freePort = findFreePort;

/** Repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The committed launchers. */
export const BIN = join(ROOT, 'examples', 'cinder', 'bin');

/** Fails with what to do when build/ is missing or older than a source of the runtime or the examples. */
export function assertBuildIsCurrent(): void {
  for (const folder of ['runtime', join('examples', 'cinder')]) {
    for (const source of listTypeScript(join(ROOT, folder))) {
      const built = join(ROOT, 'build', relative(ROOT, source)).replace(/\.ts$/, '.js');
      if (!existsSync(built) || statSync(built).mtimeMs < statSync(source).mtimeMs) {
        throw new Error(`${relative(ROOT, built)} is missing or older than ${relative(ROOT, source)}: run \`npm run build\` (\`npm test\` builds first)`);
      }
    }
  }
}

/** Every .ts file below `dir`. */
function listTypeScript(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listTypeScript(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A temporary directory removed after the test. */
export function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'cinder-it-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A started program with its output collected. */
export interface RunningProgram {
  child: ChildProcess;
  pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves when a line matching `pattern` appeared on stdout or stderr (rejects after `ms`). */
  waitForLine(pattern: RegExp, ms?: number): Promise<string>;
  /** Resolves with the exit code (or the signal name) when the program ends. */
  exited: Promise<number | string>;
}

/** Starts examples/cinder/bin/`name`; killed with SIGKILL at teardown if still running. */
export function startProgram(t: Test, name: string, args: string[], env?: NodeJS.ProcessEnv): RunningProgram {
  const child = spawn(join(BIN, name), args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
  let out = '';
  let err = '';
  const watchers: Array<() => void> = [];
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => { out += chunk; watchers.forEach((w) => w()); });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { err += chunk; watchers.forEach((w) => w()); });
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return {
    child,
    pid: child.pid ?? 0,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLine(pattern, ms = 10000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const line = `${out}\n${err}`.split('\n').find((l) => pattern.test(l));
          if (line === undefined) return false;
          clearTimeout(timer);
          resolve(line);
          return true;
        };
        const timer = setTimeout(() => reject(new Error(`${name}: no line matching ${pattern} within ${ms} ms; stdout:\n${out}\nstderr:\n${err}`)), ms);
        if (check()) return;
        watchers.push(check);
        void exited.then((code) => setTimeout(() => check() || reject(new Error(`${name} exited with ${code} before printing ${pattern}; stderr:\n${err}`)), 50));
      });
    },
  };
}

/** A fake backend on a free port, with its JSON log lines parsed. */
export interface Backend extends RunningProgram {
  port: number;
  events(): Array<Record<string, unknown>>;
}

/** Starts a fake backend on a free port and waits until it listens. */
export async function startBackend(t: Test): Promise<Backend> {
  const program = startProgram(t, 'fake-backend', ['--port', '0']);
  const line = await program.waitForLine(/"event":"listening"/);
  const port = (JSON.parse(line) as { port: number }).port;
  const events = () => program.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { ...program, port, events };
}

/** Starts a cinder service with `--config-file` files and waits for its "ready" log line. */
export async function startService(t: Test, name: string, configFiles: string[], env?: NodeJS.ProcessEnv): Promise<RunningProgram> {
  const program = startProgram(t, name, configFiles.flatMap((f) => ['--config-file', f]), env);
  await program.waitForLine(/"msg":"ready"/);
  return program;
}

/** Result of one CLI run. */
export interface CliResult {
  code: number | string;
  stdout: string;
  stderr: string;
}

/** Runs examples/cinder/bin/`name` with `args` to completion. */
export function runCli(name: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(join(BIN, name), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('close', (code, signal) => resolve({ code: code ?? signal ?? 'unknown', stdout, stderr }));
  });
}

/** An HTTP answer with its timing. */
export interface HttpResult {
  status: number;
  body: Record<string, unknown>;
  startedAt: number;
  endedAt: number;
}

/** Sends a JSON request to 127.0.0.1:`port`. */
export function httpJson(port: number, method: string, path: string, body?: unknown): Promise<HttpResult> {
  const startedAt = Date.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown>, startedAt, endedAt: Date.now() });
        } catch (error) {
          reject(new Error(`${method} ${path}: answer is not JSON: ${text}`, { cause: error }));
        }
      });
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** POST /v3/volumes on cinder-volume. */
export function createVolume(port: number, backend: string, durationMs: number): Promise<HttpResult> {
  return httpJson(port, 'POST', '/v3/volumes', { backend, size: 1, duration_ms: durationMs });
}

/** The events in a notification file (empty when it does not exist). */
export function readNotifications(file: string): Array<Record<string, unknown>> {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Writes a cinder.conf for cinder-volume with the given backends (name → port). */
export function formatVolumeConfig(options: {
  apiPort: number; socket: string; notificationFile: string; backends: Record<string, number>; debug?: boolean; extra?: string;
}): string {
  const names = Object.keys(options.backends);
  const sections = names.map((name) => `\n[${name}]\nvolume_backend_name = ${name}\nsan_ip = 127.0.0.1\nsan_port = ${options.backends[name]}\n`);
  return `[DEFAULT]
enabled_backends = ${names.join(', ')}
volume_api_listen = 127.0.0.1:${options.apiPort}
control_socket = ${options.socket}
notification_file = ${options.notificationFile}
reload_drain_timeout = 30
graceful_shutdown_timeout = 30
debug = ${options.debug ? 'true' : 'false'}
${options.extra ?? ''}${sections.join('')}`;
}

/** The files of one cinder-volume under test: a temp dir with its cinder.conf written for `backends`. */
export interface VolumeFiles {
  dir: string; conf: string; socket: string; notifications: string; apiPort: number;
  /** The cinder.conf text as written. */
  text: string;
}

/** Makes a temp dir and writes a cinder.conf there for the given backends (name → port). */
export async function writeVolumeFiles(t: Test, backends: Record<string, number>): Promise<VolumeFiles> {
  const dir = tempDir(t);
  const files = { dir, conf: join(dir, 'cinder.conf'), socket: join(dir, 'cinder-volume.sock'), notifications: join(dir, 'notifications.jsonl'), apiPort: await findFreePort() };
  const text = formatVolumeConfig({ apiPort: files.apiPort, socket: files.socket, notificationFile: files.notifications, backends });
  writeFileSync(files.conf, text);
  return { ...files, text };
}

/** Sleeps. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 20 ms until it returns true; rejects naming `what` after `ms`. */
export async function waitUntil(check: () => boolean, what: string, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** Keeps sending short requests to `backend` until stopped; returns every answer. */
export function streamRequests(apiPort: number, backend: string): { stop(): Promise<HttpResult[]> } {
  let running = true;
  const results: HttpResult[] = [];
  const loop = (async () => {
    while (running) {
      results.push(await createVolume(apiPort, backend, 0));
      await sleep(10);
    }
  })();
  return { stop: async () => { running = false; await loop; return results; } };
}
