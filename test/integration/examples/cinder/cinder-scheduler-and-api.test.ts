// cinder-scheduler (cache driver) and cinder-api (stateless driver) sharing one cinder.conf with
// cinder-volume, each with its own small file for its control socket, as the packages install them.
import t from 'tap';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assertBuildIsCurrent, freePort, httpJson, runCli, startBackend, startService, tempDir,
} from '../../../helpers/cinder-processes.js';

assertBuildIsCurrent();

t.test('scheduler drops the cache of a changed backend only; api follows a moved endpoint', async (t) => {
  const dir = tempDir(t);
  const [a, b] = await Promise.all([startBackend(t), startBackend(t)]);
  const [volumePort, schedulerPort, apiPort, otherPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const shared = join(dir, 'cinder.conf');
  const write = (capacityA: number, multiplier: number, endpoint: number) => writeFileSync(shared, `[DEFAULT]
enabled_backends = backend_a, backend_b
volume_api_listen = 127.0.0.1:${volumePort}
scheduler_api_listen = 127.0.0.1:${schedulerPort}
osapi_volume_listen = 127.0.0.1:${apiPort}
notification_file = ${join(dir, 'notifications.jsonl')}

[backend_a]
san_ip = 127.0.0.1
san_port = ${a.port}
capacity_gb = ${capacityA}

[backend_b]
san_ip = 127.0.0.1
san_port = ${b.port}
capacity_gb = 300

[scheduler]
capacity_weight_multiplier = ${multiplier}

[api]
volume_endpoint = 127.0.0.1:${endpoint}
`);
  write(500, 1, volumePort);
  const own = (name: string) => {
    const file = join(dir, `${name}.conf`);
    writeFileSync(file, `[DEFAULT]\ncontrol_socket = ${join(dir, `${name}.sock`)}\n`);
    return [shared, file];
  };
  await startService(t, 'cinder-volume', own('cinder-volume'));
  await startService(t, 'cinder-scheduler', own('cinder-scheduler'));
  await startService(t, 'cinder-api', own('cinder-api'));

  const picked = await httpJson(schedulerPort, 'POST', '/v3/scheduler/select', { size: 100 });
  t.match(picked, { status: 200, body: { backend: 'backend_a', weight: 500, generation: 1 } });
  const second = await httpJson(schedulerPort, 'POST', '/v3/scheduler/select', { size: 250 });
  t.match(second, { status: 200, body: { backend: 'backend_a', weight: 400 } });
  const third = await httpJson(schedulerPort, 'POST', '/v3/scheduler/select', { size: 100 });
  t.match(third, { status: 200, body: { backend: 'backend_b', weight: 300 } }, 'backend_b now has the most free capacity');

  write(2000, 2, volumePort);
  const reload = await runCli('cinder-scheduler', ['reload', '--config-file', shared, '--config-file', join(dir, 'cinder-scheduler.conf')]);
  t.equal(reload.code, 0, reload.stderr);
  t.match(reload.stdout, /reload 1 succeeded in \d+ ms; changed: .*backend_a\.capacity_gb.*; re-initialised: capabilities:backend_a$/m);
  t.match(reload.stdout, /changed: .*scheduler\.capacity_weight_multiplier/);
  const backends = await httpJson(schedulerPort, 'GET', '/v3/scheduler/backends');
  t.match(backends.body['backends'], [
    { backend: 'backend_a', capacityGb: 2000, freeGb: 2000, generation: 2 },
    { backend: 'backend_b', capacityGb: 300, freeGb: 200, generation: 1 },
  ], 'backend_a cache rebuilt from the new options; backend_b cache (and its reservation) kept');
  const weighted = await httpJson(schedulerPort, 'POST', '/v3/scheduler/select', { size: 1 });
  t.match(weighted.body, { backend: 'backend_a', weight: 4000 }, 'the new multiplier is used at once');

  const forwarded = await httpJson(apiPort, 'POST', '/v3/volumes', { backend: 'backend_b', size: 1, duration_ms: 0 });
  t.match(forwarded, { status: 200, body: { backend: 'backend_b', backend_port: b.port, via: `127.0.0.1:${volumePort}` } });

  write(2000, 2, otherPort);
  const apiReload = await runCli('cinder-api', ['reload', '--control-socket', join(dir, 'cinder-api.sock')]);
  t.equal(apiReload.code, 0, apiReload.stderr);
  t.match(apiReload.stdout, /re-initialised: volume-client:api$/m);
  const unreachable = await httpJson(apiPort, 'POST', '/v3/volumes', { backend: 'backend_b', size: 1, duration_ms: 0 });
  t.equal(unreachable.status, 502);
  t.match(unreachable.body['error'], `cannot reach cinder-volume at 127.0.0.1:${otherPort} ([api] volume_endpoint): connect ECONNREFUSED`);
});
