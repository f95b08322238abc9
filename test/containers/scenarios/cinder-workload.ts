// The work the package scenario puts on the installed cinder-volume, all inside the container: the
// example's fake storage backends (not packaged: copied from this tree's build output) and the
// rk-volume-load client (fixtures/cinder), run in the background with their answers collected in files.

import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { compileShippedCode } from '../../helpers/packaging/cinder-packages.js';
import type { Container } from '../container.js';
import { HarnessError } from '../errors.js';
import { fixturesDir } from '../paths.js';

// One answer of cinder-volume's API, as rk-volume-load records it.
export interface VolumeAnswer {
  status: number;
  body: Record<string, unknown>;
  startedAt: number;
  endedAt: number;
}

const backendDir = '/opt/rk-fake-backend';
const scratch = '/var/tmp/rk-load';

function backendLog(port: number): string {
  return `${scratch}/backend-${port}.log`;
}

// Copies the fake backend (compiled, with the one shared module it imports) and rk-volume-load in.
export async function installWorkloadTools(container: Container): Promise<void> {
  const build = await compileShippedCode();
  const staging = await mkdtemp(join(tmpdir(), 'rk-fake-backend-'));
  try {
    for (const folder of ['fake-backend', 'shared']) {
      await cp(join(build, 'examples', 'cinder', folder), join(staging, 'examples', 'cinder', folder), { recursive: true });
    }
    await writeFile(join(staging, 'package.json'), '{ "type": "module" }\n');
    await container.copyIn(staging, backendDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  await container.copyIn(join(fixturesDir, 'cinder', 'rk-volume-load'), '/usr/local/bin/rk-volume-load');
  await container.run(`chmod 755 /usr/local/bin/rk-volume-load && mkdir -p ${scratch}`);
}

// Starts one fake backend per port in the background and waits until each listens.
export async function startFakeBackends(container: Container, ports: readonly number[], timeoutMs = 15_000): Promise<void> {
  for (const port of ports) {
    await container.run(
      `setsid node ${backendDir}/examples/cinder/fake-backend/main.js --port ${port} > ${backendLog(port)} 2>&1 < /dev/null &`,
    );
  }
  const startedAt = Date.now();
  for (const port of ports) {
    while (!(await backendEvents(container, port)).some((event) => event['event'] === 'listening')) {
      if (Date.now() - startedAt > timeoutMs) {
        const log = await container.exec(`cat ${backendLog(port)}`);
        throw new HarnessError(`the fake backend on port ${port} did not listen within ${timeoutMs / 1000} s in ${container.name}: ${log.stdout}${log.stderr}`);
      }
      await sleep(200);
    }
  }
}

// The JSON lines a fake backend has logged so far (connected, op.start, op.end, disconnected).
export async function backendEvents(container: Container, port: number): Promise<Array<Record<string, unknown>>> {
  const result = await container.exec(`cat ${backendLog(port)} 2>/dev/null`);
  return result.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
}

// Waits until `check` holds for the events of the backend on `port`; throws naming `what` after the deadline.
export async function waitForBackendEvents(
  container: Container,
  port: number,
  what: string,
  check: (events: Array<Record<string, unknown>>) => boolean,
  timeoutMs = 15_000,
): Promise<Array<Record<string, unknown>>> {
  const startedAt = Date.now();
  for (;;) {
    const events = await backendEvents(container, port);
    if (check(events)) return events;
    if (Date.now() - startedAt > timeoutMs) {
      throw new HarnessError(`timed out after ${timeoutMs / 1000} s waiting for ${what} on the fake backend ${port}; its log:\n${events.map((e) => JSON.stringify(e)).join('\n')}`);
    }
    await sleep(150);
  }
}

// Work running in the background in the container; `answers()` waits for it to end.
export interface BackgroundWork {
  answers(timeoutMs?: number): Promise<VolumeAnswer[]>;
}

let works = 0;

async function readAnswers(container: Container, file: string, what: string, timeoutMs: number): Promise<VolumeAnswer[]> {
  const startedAt = Date.now();
  for (;;) {
    const result = await container.exec(`cat ${file} 2>/dev/null`);
    if (result.exitCode === 0 && result.stdout) return JSON.parse(result.stdout) as VolumeAnswer[];
    if (Date.now() - startedAt > timeoutMs) throw new HarnessError(`${what} did not finish within ${timeoutMs / 1000} s in ${container.name}`);
    await sleep(200);
  }
}

// Starts `count` operations of `durationMs` at once on `backend`, in the background.
export async function startBatch(container: Container, backend: string, count: number, durationMs: number): Promise<BackgroundWork> {
  const file = `${scratch}/batch-${++works}.json`;
  await container.run(`setsid rk-volume-load batch ${backend} ${count} ${durationMs} ${file} > ${file}.log 2>&1 < /dev/null &`);
  const what = `${count} operations of ${durationMs} ms on ${backend}`;
  return { answers: (timeoutMs = durationMs + 60_000) => readAnswers(container, file, what, timeoutMs) };
}

// Starts a stream of short operations on `backend`; `stop()` ends it and returns every answer.
export async function startStream(container: Container, backend: string): Promise<{ stop(): Promise<VolumeAnswer[]> }> {
  const id = ++works;
  const file = `${scratch}/stream-${id}.json`;
  const stopFile = `${scratch}/stream-${id}.stop`;
  await container.run(`setsid rk-volume-load stream ${backend} ${stopFile} ${file} > ${file}.log 2>&1 < /dev/null &`);
  return {
    async stop() {
      await container.run(`touch ${stopFile}`);
      return readAnswers(container, file, `the stream of operations on ${backend}`, 30_000);
    },
  };
}

// One short operation on `backend`, waited for.
export async function createVolumeOnce(container: Container, backend: string): Promise<VolumeAnswer> {
  return JSON.parse(await container.run(`rk-volume-load op ${backend} 0`, { timeoutMs: 30_000 })) as VolumeAnswer;
}

// GET /healthz; undefined while the API does not answer 200.
export async function readHealth(container: Container): Promise<VolumeAnswer | undefined> {
  const result = await container.exec('rk-volume-load health');
  return result.exitCode === 0 ? (JSON.parse(result.stdout) as VolumeAnswer) : undefined;
}

// Waits until the API answers with state "ready"; returns the service's PID (from /healthz).
export async function waitUntilServing(container: Container, timeoutMs = 30_000): Promise<number> {
  const startedAt = Date.now();
  for (;;) {
    const health = await readHealth(container);
    if (health?.body['state'] === 'ready') return Number(health.body['pid']);
    if (Date.now() - startedAt > timeoutMs) {
      throw new HarnessError(`cinder-volume did not answer GET /healthz with state "ready" within ${timeoutMs / 1000} s (last: ${JSON.stringify(health)})`);
    }
    await sleep(250);
  }
}
