// `make demo`: a local, step-by-step reload of cinder-volume with work in flight. Starts three fake
// backends and cinder-volume in a temporary directory, moves backend_a to another backend while
// operations run on it and requests stream to backend_b, then shows a refused bad config, a SIGHUP
// reload and a graceful stop. Everything it starts is stopped and removed at the end.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './free-port.js';
import { postVolume, runCommand, startProgram, type Program } from './processes.js';

const started = Date.now();
const say = (text: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(2).padStart(6)} s] ${text}`);
const step = (n: number, text: string): void => console.log(`\n=== ${n}. ${text}`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The demo's cinder.conf. */
function formatConfig(apiPort: number, dir: string, portA: number | string, portB: number, debug: boolean): string {
  return `[DEFAULT]\nenabled_backends = backend_a, backend_b\nvolume_api_listen = 127.0.0.1:${apiPort}\n` +
    `control_socket = ${join(dir, 'cinder-volume.sock')}\nnotification_file = ${join(dir, 'notifications.jsonl')}\n` +
    `debug = ${debug}\n\n[backend_a]\nsan_ip = 127.0.0.1\nsan_port = ${portA}\n\n[backend_b]\nsan_ip = 127.0.0.1\nsan_port = ${portB}\n`;
}

/** One notification in a line. */
function describeEvent(e: Record<string, unknown>): string {
  if (e['event'] === 'driver.retired') return `reload ${e['reloadId']}: ${e['driver']} generation ${e['generation']} closed after ${e['operationsFinished']} operation(s)`;
  if (e['event'] === 'reload.start') return `reload ${e['id']} (trigger ${e['trigger']})`;
  const error = e['error'] as { message?: string } | undefined;
  return `reload ${e['id']} ${e['outcome']}: ${error ? error.message : `changed ${(e['changed'] as string[]).join(', ') || 'nothing'}`}`;
}

/** Runs the demo; returns the exit code. */
async function runDemo(dir: string, programs: Program[]): Promise<number> {
  const conf = join(dir, 'cinder.conf');
  const relay = (line: string): void => say(`  | ${line}`);

  step(1, 'Start three fake storage backends (A, B and C)');
  const ports: number[] = [];
  for (const name of ['A', 'B', 'C']) {
    const backend = startProgram('fake-backend', ['--port', '0']);
    programs.push(backend);
    ports.push((JSON.parse(await backend.waitFor(/"event":"listening"/)) as { port: number }).port);
    say(`backend ${name} listens on port ${ports.at(-1)}`);
  }
  const [portA = 0, portB = 0, portC = 0] = ports;

  step(2, 'Start cinder-volume with backend_a → A and backend_b → B');
  const apiPort = await findFreePort();
  writeFileSync(conf, formatConfig(apiPort, dir, portA, portB, false));
  const volume = startProgram('cinder-volume', ['--config-file', conf]);
  programs.push(volume);
  await volume.waitFor(/"msg":"ready"/);
  say(`cinder-volume is ready, PID ${volume.child.pid}, API on 127.0.0.1:${apiPort}`);

  step(3, 'Put work in flight: 3 volume operations of 4 s on backend_a, a stream of short requests on backend_b');
  const inFlight = [1, 2, 3].map(() => postVolume(apiPort, 'backend_a', 4000));
  let streaming = true;
  const streamed: Array<{ status: number; ms: number }> = [];
  const stream = (async () => { while (streaming) { streamed.push(await postVolume(apiPort, 'backend_b', 0)); await sleep(20); } })();
  await sleep(500);

  step(4, 'Edit cinder.conf: move backend_a to backend C and turn debug on');
  writeFileSync(conf, formatConfig(apiPort, dir, portC, portB, true));
  say(`backend_a san_port ${portA} → ${portC}, debug false → true`);

  step(5, 'cinder-volume reload (the synchronous client init systems run)');
  say(`exit code ${await runCommand('cinder-volume', ['reload', '--config-file', conf], relay)}`);
  const next = await postVolume(apiPort, 'backend_a', 0);
  say(`a new operation on backend_a was answered by the backend on port ${next.body['backend_port']} (C = ${portC})`);

  step(6, 'The work that was in flight finishes on the old backend A');
  for (const result of await Promise.all(inFlight)) say(`operation ${result.body['id']} → HTTP ${result.status}, port ${result.body['backend_port']}, after ${result.ms} ms`);
  streaming = false;
  await stream;
  const failed = streamed.filter((r) => r.status !== 200).length;
  say(`backend_b stream: ${streamed.length} requests, ${failed} failed, slowest ${Math.max(...streamed.map((r) => r.ms))} ms`);

  step(7, 'A broken config is refused and the service keeps running on the old one');
  writeFileSync(conf, formatConfig(apiPort, dir, '80x', portB, true));
  say(`exit code ${await runCommand('cinder-volume', ['reload', '--config-file', conf], relay)}`);
  say(`backend_a still answers from port ${(await postVolume(apiPort, 'backend_a', 0)).body['backend_port']}`);

  step(8, 'kill -HUP does the same reload (here: debug back off)');
  writeFileSync(conf, formatConfig(apiPort, dir, portC, portB, false));
  volume.child.kill('SIGHUP');
  await volume.waitFor(/"msg":"reload.end".*"trigger":"SIGHUP"/);
  say('reload after SIGHUP done');

  step(9, 'Notifications written to notification_file');
  const notifications = join(dir, 'notifications.jsonl');
  const readEvents = () => readFileSync(notifications, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  while (!readEvents().some((e) => e['event'] === 'reload.end' && e['id'] === 3)) await sleep(20);
  for (const e of readEvents()) say(`${String(e['event']).padEnd(15)} ${describeEvent(e)}`);

  step(10, 'SIGTERM: drain and stop');
  volume.child.kill('SIGTERM');
  const code = await new Promise<number | null>((resolve) => volume.child.once('exit', resolve));
  say(`cinder-volume exited with ${code}, PID ${volume.child.pid} served every step without a restart`);
  return failed === 0 && code === 0 ? 0 : 1;
}

const dir = mkdtempSync(join(tmpdir(), 'reloadkit-demo-'));
const programs: Program[] = [];
let exitCode = 1;
try {
  exitCode = await runDemo(dir, programs);
} catch (error) {
  console.error(`demo failed: ${(error as Error).message}`);
} finally {
  for (const program of programs) if (program.child.exitCode === null) program.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = exitCode;
