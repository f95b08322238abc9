// cinder-volume's HTTP API: POST /v3/volumes runs a volume operation on a backend's driver, GET /healthz.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostPort, Runtime, StartHandle } from '../../../runtime/index.js';
import { HttpError, listenHttp, readJsonBody, requireNumber, sendJson, statusOf, stopListening } from '../shared/http-json.js';
import type { VolumeDriver } from './volume-driver.js';

/** Opens the API on `volume_api_listen`; the handle stops accepting when the service stops. */
export async function startVolumeApi(rt: Runtime): Promise<StartHandle> {
  const address = rt.config.get('DEFAULT', 'volume_api_listen') as HostPort;
  const server = await listenHttp(address, (req, res) => {
    // Counted as work until the answer is written, so a stop never exits under a half-sent reply.
    rt.track(() => handleRequest(rt, req, res)).catch(() => undefined);
  }, 'the cinder-volume API (volume_api_listen)');
  return { close: () => stopListening(server) };
}

/** Routes one request. */
async function handleRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (req.method === 'GET' && req.url === '/healthz') {
      const status = rt.status();
      return await sendJson(res, 200, { service: status.service, state: status.state, pid: status.pid, generations: status.generations });
    }
    if (req.method === 'POST' && req.url === '/v3/volumes') return await sendJson(res, 200, await createVolume(rt, await readJsonBody(req)));
    throw new HttpError(404, `no route ${req.method} ${req.url} (routes: POST /v3/volumes, GET /healthz)`);
  } catch (error) {
    await sendJson(res, statusOf(error), { error: (error as Error).message });
  }
}

/** Runs one create_volume on the named backend's current driver. */
async function createVolume(rt: Runtime, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const backend = body['backend'];
  if (typeof backend !== 'string' || backend === '') throw new HttpError(400, `expected "backend" to be a backend section name, got ${JSON.stringify(backend)}`);
  const size = requireNumber(body, 'size', 1);
  const durationMs = body['duration_ms'] === undefined ? 0 : requireNumber(body, 'duration_ms', 0);
  return rt.use<VolumeDriver, Record<string, unknown>>('volume', backend, async (driver, lease) => {
    if (lease.config.get('DEFAULT', 'debug') === true) {
      process.stderr.write(JSON.stringify({ level: 'debug', msg: 'create_volume', backend, size, durationMs, generation: lease.generation }) + '\n');
    }
    const created = await driver.createVolume(size, durationMs);
    return { id: created.volumeId, backend, backend_port: created.backendPort, generation: lease.generation };
  });
}
