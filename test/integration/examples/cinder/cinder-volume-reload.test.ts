// Issue 2's contract end to end, with real processes: a reload (control socket or SIGHUP) moves
// backend_a to another backend while work is in flight on it and a stream of requests runs on backend_b.
import t, { type Test } from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertBuildIsCurrent, createVolume, formatVolumeConfig, freePort, httpJson, readNotifications, runCli,
  startBackend, startService, streamRequests, tempDir, waitUntil,
} from '../../../helpers/cinder-processes.js';

assertBuildIsCurrent();
// Four scenarios of several seconds each: tap's 30 s default runs out on a loaded machine.
t.setTimeout(180_000);

/** Duration of the work in flight on backend A: long enough that a loaded machine still reloads meanwhile. */
const IN_FLIGHT_MS = 4000;

/** Starts backends A, B, C and cinder-volume on A and B; returns everything a scenario needs. */
async function setUp(t: Test) {
  const dir = tempDir(t);
  const [a, b, c] = await Promise.all([startBackend(t), startBackend(t), startBackend(t)]);
  const apiPort = await freePort();
  const socket = join(dir, 'cinder-volume.sock');
  const notifications = join(dir, 'notifications.jsonl');
  const conf = join(dir, 'cinder.conf');
  const write = (ports: { backend_a: number; backend_b: number }, debug: boolean) =>
    writeFileSync(conf, formatVolumeConfig({ apiPort, socket, notificationFile: notifications, backends: ports, debug }));
  write({ backend_a: a.port, backend_b: b.port }, false);
  const volume = await startService(t, 'cinder-volume', [conf]);
  return { dir, a, b, c, apiPort, socket, notifications, conf, write, volume };
}

/** Runs one reload scenario; `trigger` performs the reload and resolves when it is over. */
async function checkReloadScenario(t: Test, trigger: (env: Awaited<ReturnType<typeof setUp>>) => Promise<void>, expectedTrigger: string) {
  const env = await setUp(t);
  const { a, b, c, apiPort } = env;
  const before = await httpJson(apiPort, 'GET', '/healthz');
  t.equal(before.body['pid'], env.volume.pid, 'the launcher exec()s node: the service PID is the launcher PID');

  const inFlight = [1, 2, 3].map(() => createVolume(apiPort, 'backend_a', IN_FLIGHT_MS));
  await waitUntil(() => a.events().filter((e) => e['event'] === 'op.start').length === 3, '3 operations started on backend A');
  const stream = streamRequests(apiPort, 'backend_b');

  env.write({ backend_a: c.port, backend_b: b.port }, true);
  await trigger(env);
  const reloadedAt = Date.now();

  const next = await createVolume(apiPort, 'backend_a', 0);
  t.equal(next.status, 200);
  t.equal(next.body['backend_port'], c.port, 'new work on backend_a reaches the new port');

  const finished = await Promise.all(inFlight);
  t.same(finished.map((r) => [r.status, r.body['backend_port']]), [[200, a.port], [200, a.port], [200, a.port]], 'in-flight work completed on the old backend');
  t.ok(finished.every((r) => r.endedAt >= reloadedAt), 'the reload finished before the in-flight work (it was not waited for)');

  const streamed = await stream.stop();
  t.ok(streamed.length >= 5, `requests kept flowing to backend_b (${streamed.length})`);
  t.ok(streamed.every((r) => r.status === 200 && r.body['backend_port'] === b.port), 'every backend_b request succeeded on backend B');
  const slowest = Math.max(...streamed.map((r) => r.endedAt - r.startedAt));
  t.ok(slowest < IN_FLIGHT_MS / 2, `backend_b was never blocked (slowest request ${slowest} ms, in-flight work on A takes ${IN_FLIGHT_MS} ms)`);

  const after = await httpJson(apiPort, 'GET', '/healthz');
  t.equal(after.body['pid'], before.body['pid'], 'same process: reloaded in place');

  await waitUntil(() => readNotifications(env.notifications).some((e) => e['event'] === 'driver.retired'), 'driver.retired in the notification file');
  const events = readNotifications(env.notifications);
  t.same(events.map((e) => e['event']), ['reload.start', 'reload.end', 'driver.retired']);
  t.match(events[0], { event: 'reload.start', service: 'cinder-volume', id: 1, trigger: expectedTrigger, pid: env.volume.pid });
  t.match(events[1], { event: 'reload.end', id: 1, outcome: 'succeeded', reinitialised: ['volume:backend_a'], restartRequired: [] });
  t.same([...(events[1]?.['changed'] as string[])].sort(), ['DEFAULT.debug', 'backend_a.san_port']);
  t.match(events[2], { event: 'driver.retired', driver: 'volume:backend_a', generation: 1, operationsFinished: 3 });

  const aEvents = a.events().map((e) => e['event']);
  t.equal(aEvents.lastIndexOf('disconnected'), aEvents.length - 1, 'backend A saw its connection closed only after its last operation');
  t.equal(aEvents.filter((e) => e === 'op.end').length, 3);
  t.notOk(b.events().some((e) => e['event'] === 'disconnected'), 'backend B connection was never closed');
  t.match(env.volume.stderr(), /"level":"debug","msg":"create_volume","backend":"backend_a"/, 'debug = true took effect without restart');
}

t.test('cinder-volume reload (control socket) applies a moved backend in place', (t) =>
  checkReloadScenario(t, async (env) => {
    const result = await runCli('cinder-volume', ['reload', '--config-file', env.conf]);
    t.equal(result.code, 0, `reload exits 0 (stderr: ${result.stderr})`);
    t.match(result.stdout, /^cinder-volume: reload 1 started \(trigger: control-socket\)$/m);
    t.match(result.stdout, /^cinder-volume: reload 1 succeeded in \d+ ms; changed: (DEFAULT\.debug, backend_a\.san_port|backend_a\.san_port, DEFAULT\.debug); re-initialised: volume:backend_a$/m);
  }, 'control-socket'));

t.test('kill -HUP triggers the same reload', (t) =>
  checkReloadScenario(t, async (env) => {
    process.kill(env.volume.pid, 'SIGHUP');
    await waitUntil(() => readNotifications(env.notifications).some((e) => e['event'] === 'reload.end'), 'reload.end after SIGHUP');
  }, 'SIGHUP'));

t.test('reload --wait-drained returns only after the old driver retired', async (t) => {
  const env = await setUp(t);
  const inFlight = createVolume(env.apiPort, 'backend_a', IN_FLIGHT_MS);
  await waitUntil(() => env.a.events().some((e) => e['event'] === 'op.start'), 'an operation on backend A');
  env.write({ backend_a: env.c.port, backend_b: env.b.port }, false);
  const result = await runCli('cinder-volume', ['reload', '--wait-drained', '--control-socket', env.socket]);
  const returnedAt = Date.now();
  t.equal(result.code, 0, result.stderr);
  t.match(result.stdout, /^cinder-volume: driver volume:backend_a generation 1 retired after finishing 1 operation\(s\)$/m);
  const op = await inFlight;
  t.ok(op.endedAt <= returnedAt, 'the in-flight operation ended before the client returned');
});

t.test('make-before-break: new work reaches the new backend at once while 5 operations finish on the old one', async (t) => {
  const env = await setUp(t);
  const { a, b, c, apiPort } = env;
  const five = [1, 2, 3, 4, 5].map(() => createVolume(apiPort, 'backend_a', 3000));
  await waitUntil(() => a.events().filter((e) => e['event'] === 'op.start').length === 5, '5 operations started on backend A');
  env.write({ backend_a: c.port, backend_b: b.port }, false);
  const triggeredAt = Date.now();
  process.kill(env.volume.pid, 'SIGHUP');
  let first = await createVolume(apiPort, 'backend_a', 0);
  while (first.body['backend_port'] !== c.port && Date.now() - triggeredAt < 3000) first = await createVolume(apiPort, 'backend_a', 0);
  const switchMs = first.endedAt - triggeredAt;
  t.equal(first.body['backend_port'], c.port, 'a new operation reached the new backend');
  t.comment(`first answer from the new backend ${switchMs} ms after SIGHUP (bench/ measures this; issue 7 targets < 100 ms)`);
  const done = await Promise.all(five);
  t.ok(done.every((r) => r.endedAt > first.endedAt), 'the new backend answered before any of the 5 old operations ended');
  t.same(done.map((r) => [r.status, r.body['backend_port']]), Array(5).fill([200, a.port]), 'all 5 completed on the old backend');
  await waitUntil(() => a.events().some((e) => e['event'] === 'disconnected'), 'backend A to see its connection closed');
  const events = a.events();
  const lastEnd = events.map((e) => e['event']).lastIndexOf('op.end');
  const closed = events.findIndex((e) => e['event'] === 'disconnected');
  t.ok(closed > lastEnd, 'the old connection closed only after its last operation');
  t.equal(events[closed]?.['open_operations'], 0);
});
