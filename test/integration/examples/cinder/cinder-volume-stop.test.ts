// SIGTERM with an operation in flight: the operation completes, then the service exits 0.
import t from 'tap';
import {
  assertBuildIsCurrent, createVolume, startBackend, startService, waitUntil, writeVolumeFiles,
} from '../../../helpers/cinder-processes.js';

assertBuildIsCurrent();

t.test('SIGTERM drains in-flight work and exits 0', async (t) => {
  const backend = await startBackend(t);
  const { conf, apiPort } = await writeVolumeFiles(t, { backend_a: backend.port });
  const volume = await startService(t, 'cinder-volume', [conf]);
  const op = createVolume(apiPort, 'backend_a', 1500);
  await waitUntil(() => backend.events().some((e) => e['event'] === 'op.start'), 'the operation to start on the backend');
  volume.child.kill('SIGTERM');
  const answer = await op;
  t.same([answer.status, answer.body['backend_port']], [200, backend.port], 'the in-flight operation completed');
  t.equal(await volume.exited, 0, 'clean exit');
  t.match(volume.stderr(), /"msg":"stopping","service":"cinder-volume","signal":"SIGTERM"/);
  const refused = await createVolume(apiPort, 'backend_a', 0).catch((error: NodeJS.ErrnoException) => error.code);
  t.equal(refused, 'ECONNREFUSED', 'no longer listening');
});
