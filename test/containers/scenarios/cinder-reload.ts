// Steps 2–5 of the package scenario: with operations in flight on backend A and a stream of short ones on
// backend B, the row's reload command applies a moved backend A and a flipped `debug` in place; then an
// invalid file is refused while the service keeps serving with the configuration it had.

import { type Checks, expectEqual } from '../checks.js';
import type { Container } from '../container.js';
import { withEvidence } from '../evidence.js';
import { cinderConf, readNotifications, setOption, waitForNotification, writeCinderConf } from './cinder-config.js';
import type { ReloadCommand } from '../init-profiles.js';
import { cinderVolume } from './cinder-install.js';
import { backendEvents, createVolumeOnce, readHealth, startBatch, startStream, waitForBackendEvents } from './cinder-workload.js';

// Ports of the fake backends inside the container: A and B as in the packaged cinder.conf, C for the move.
export const backendPorts = { a: 9301, b: 9302, c: 9303 };

// How long each operation in flight on backend A takes: longer than a reload on a loaded 2-core machine.
export const inFlightMs = 5000;
const inFlightCount = 3;

// What a scenario keeps between steps.
export interface ReloadState {
  pid: number;
  /** the configuration the service runs with */
  conf: string;
  /** the port backend A is on in `conf` */
  backendAPort: number;
  debug: boolean;
  /** reloads seen so far (reload ids in the notification file) */
  reloads: number;
}

function output(result: { stdout: string; stderr: string }): string {
  return [result.stdout.trim(), result.stderr.trim()].filter(Boolean).join('\n');
}

async function servicePid(container: Container): Promise<number | undefined> {
  const health = await readHealth(container);
  return health === undefined ? undefined : Number(health.body['pid']);
}

// Steps 2–4 with one reload command: work in flight on A, a stream on B, A moved, reload, checks.
export async function reloadUnderLoad(t: Checks, container: Container, state: ReloadState, reloadCommand: ReloadCommand): Promise<void> {
  const service = cinderVolume;
  const { command } = reloadCommand;
  const oldPort = state.backendAPort;
  const newPort = oldPort === backendPorts.a ? backendPorts.c : backendPorts.a;
  const id = state.reloads + 1;

  // the old backend's log from here on: this round's operations and the closing of this connection
  const logBefore = (await backendEvents(container, oldPort)).length;
  const since = (events: Array<Record<string, unknown>>) => events.slice(logBefore);
  const inFlight = await startBatch(container, 'backend_a', inFlightCount, inFlightMs);
  await withEvidence(container, service, `${inFlightCount} operations in flight on backend A`, () =>
    waitForBackendEvents(container, oldPort, `${inFlightCount} operations started`, (events) =>
      since(events).filter((e) => e['event'] === 'op.start').length >= inFlightCount),
  );
  const stream = await startStream(container, 'backend_b');

  const debug = !state.debug;
  const conf = setOption(setOption(state.conf, 'backend_a', 'san_port', String(newPort)), 'DEFAULT', 'debug', String(debug));
  await writeCinderConf(container, conf);
  const calledAt = Date.now();
  const reload = await container.exec(command, { timeoutMs: 150_000 });
  const returnedAt = Date.now();
  const eventsWhenReturned = await readNotifications(container);
  await expectEqual(t, container, service, reload.exitCode, 0, `\`${command}\` exits 0`, { output: output(reload) });

  if (reloadCommand.waits) {
    const end = eventsWhenReturned.find((e) => e.event === 'reload.end' && e['id'] === id);
    await expectEqual(t, container, service, end?.['outcome'], 'succeeded', `\`${command}\` returned only after reload ${id} ended (reload.end already written)`);
  }
  // a command that does not wait (`sv reload`) returns before the reload ran; it is over when reload.end is written
  const end = await withEvidence(container, service, `reload.end of reload ${id}`, () =>
    waitForNotification(container, `reload.end of reload ${id}`, (e) => e.event === 'reload.end' && e['id'] === id));
  const next = await createVolumeOnce(container, 'backend_a');
  await expectEqual(t, container, service, next.body['backend_port'], newPort, 'a new operation on backend A reaches the new backend', { answer: next });

  const done = await inFlight.answers();
  await expectEqual(t, container, service, JSON.stringify(done.map((a) => [a.status, a.body['backend_port']])),
    JSON.stringify(Array(inFlightCount).fill([200, oldPort])), `all ${inFlightCount} operations in flight completed on the old backend`, { answers: done });
  await expectEqual(t, container, service, done.every((a) => a.endedAt > returnedAt - 50), true,
    `the operations in flight were still running when the reload returned after ${returnedAt - calledAt} ms (the reload does not wait for them; they drain on the old driver)`);

  const streamed = await stream.stop();
  const slowest = Math.max(...streamed.map((a) => a.endedAt - a.startedAt));
  await expectEqual(t, container, service, streamed.length >= 5 && streamed.every((a) => a.status === 200 && a.body['backend_port'] === backendPorts.b), true,
    `every operation on backend B succeeded on backend B (${streamed.length})`, { failed: streamed.filter((a) => a.status !== 200) });
  await expectEqual(t, container, service, slowest < inFlightMs / 2, true, `backend B was never blocked (slowest ${slowest} ms; A's work takes ${inFlightMs} ms)`);
  await expectEqual(t, container, service, await servicePid(container), state.pid, 'same PID: reloaded, not restarted');

  const retired = await withEvidence(container, service, `driver.retired after reload ${id}`, () =>
    waitForNotification(container, `driver.retired of reload ${id}`, (e) => e.event === 'driver.retired' && e['reloadId'] === id));
  const events = (await readNotifications(container)).filter((e) => e['id'] === id || e['reloadId'] === id);
  // Type=notify-reload (systemd >= 253): systemd itself sends SIGHUP; the synchronous client asks over the control socket
  const trigger = reloadCommand.trigger;
  await expectEqual(t, container, service, events[0]?.['trigger'], trigger, `reload ${id} was triggered through ${trigger === 'SIGHUP' ? 'SIGHUP' : 'the control socket (synchronous client)'}`);
  await expectEqual(t, container, service, events.map((e) => e.event).join(' → '), 'reload.start → reload.end → driver.retired', `reload ${id}: reload.start, then reload.end, then driver.retired`);
  await expectEqual(t, container, service, JSON.stringify([end['outcome'], [...(end['changed'] as string[])].sort(), end['reinitialised']]),
    JSON.stringify(['succeeded', ['DEFAULT.debug', 'backend_a.san_port'], ['volume:backend_a']]), `reload ${id} succeeded: changed debug and backend_a.san_port, re-initialised volume:backend_a`, { event: end });
  await expectEqual(t, container, service, [retired['driver'], retired['operationsFinished']].join(' '), `volume:backend_a ${inFlightCount}`,
    `the replaced driver retired after finishing the ${inFlightCount} operations (drained, none lost)`);
  const oldBackend = since(await withEvidence(container, service, 'the old connection closed', () =>
    waitForBackendEvents(container, oldPort, 'a closed connection', (e) => since(e).some((x) => x['event'] === 'disconnected'))));
  const closedAt = oldBackend.findIndex((e) => e['event'] === 'disconnected');
  await expectEqual(t, container, service, closedAt > oldBackend.map((e) => e['event']).lastIndexOf('op.end'), true,
    'the old backend saw its connection closed only after its last operation', { log: oldBackend });

  Object.assign(state, { conf, backendAPort: newPort, debug, reloads: id });
}

// Step 5: an invalid value is refused; the command says why (or, where it cannot, the place the row's
// profile names: the unit's journal, the service's log), the service keeps serving with the previous
// configuration, reload.end says failed.
export async function refuseInvalidConfig(t: Checks, container: Container, state: ReloadState, reloadCommand: ReloadCommand): Promise<void> {
  const service = cinderVolume;
  const { command, failure } = reloadCommand;
  const id = state.reloads + 1;
  await writeCinderConf(container, setOption(state.conf, 'backend_a', 'san_port', 'not-a-port'));
  const reason = /cinder\.conf:\d+: \[backend_a\] san_port: expected an integer from 1 to 65535, got "not-a-port"/;
  const reload = await container.exec(command, { timeoutMs: 150_000 });
  const end = await withEvidence(container, service, `reload.end of the refused reload ${id}`, () =>
    waitForNotification(container, `reload.end of reload ${id}`, (e) => e.event === 'reload.end' && e['id'] === id));
  if (failure.exitsNonZero) {
    await expectEqual(t, container, service, reload.exitCode !== 0, true, `\`${command}\` exits non-zero (${reload.exitCode})`, { output: output(reload) });
  } else {
    await expectEqual(t, container, service, reload.exitCode, 0, `\`${command}\` exits 0 (${failure.whyZero ?? 'it cannot report the outcome'})`);
  }
  const source = failure.reasonIn;
  const said = source === undefined ? output(reload) : (await container.exec(source.command(service.name))).stdout;
  if (source?.jsonLines) {
    // the runtime's reload.end line (JSON: quotes escaped)
    const jsonReason = new RegExp(reason.source.replaceAll('"', '\\\\"'));
    await expectEqual(t, container, service, said.split('\n').some((line) => line.includes('"outcome":"failed"') && jsonReason.test(line)), true, source.what);
  } else {
    await expectEqual(t, container, service, reason.test(said), true, `the reason is reported (${source?.what ?? 'the command\'s output'})`, { said });
  }
  for (const echo of failure.echoes ?? []) {
    const shown = await container.exec(echo.command);
    await expectEqual(t, container, service, shown.stdout.includes(echo.text(service.name)), true, echo.what, { shown: shown.stdout.replace(/\.{3,}/g, '…') });
  }
  await expectEqual(t, container, service, JSON.stringify([end['outcome'], reason.test(String((end['error'] as { message?: string })?.message))]),
    JSON.stringify(['failed', true]), `reload.end of reload ${id} says failed, with the reason`, { event: end });
  const next = await createVolumeOnce(container, 'backend_a');
  await expectEqual(t, container, service, [next.status, next.body['backend_port']].join(' '), `200 ${state.backendAPort}`,
    'the service keeps serving with the previous configuration (backend A where it was)');
  await expectEqual(t, container, service, await servicePid(container), state.pid, 'same PID after the refused reload');
  state.reloads = id;
  await container.run(`test -f ${cinderConf}`);
}
