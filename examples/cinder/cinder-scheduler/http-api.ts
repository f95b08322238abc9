// cinder-scheduler's HTTP API: POST /v3/scheduler/select {"size":GB} picks the backend with the most
// weighted free capacity; GET /v3/scheduler/backends lists the cached capabilities; GET /healthz.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostPort, Runtime, StartHandle } from '../../../runtime/index.js';
import { HttpError, listenHttp, readJsonBody, requireNumber, sendJson, statusOf, stopListening } from '../shared/http-json.js';
import type { Capabilities, CapabilitiesDriver } from './capabilities-driver.js';

/** Opens the API on `scheduler_api_listen`. */
export async function startSchedulerApi(rt: Runtime): Promise<StartHandle> {
  const address = rt.config.get('DEFAULT', 'scheduler_api_listen') as HostPort;
  const server = await listenHttp(address, (req, res) => {
    rt.track(() => handleRequest(rt, req, res)).catch(() => undefined);
  }, 'the cinder-scheduler API (scheduler_api_listen)');
  return { close: () => stopListening(server) };
}

/** Routes one request. */
async function handleRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (req.method === 'GET' && req.url === '/healthz') return await sendJson(res, 200, { service: rt.service, state: rt.state });
    if (req.method === 'GET' && req.url === '/v3/scheduler/backends') return await sendJson(res, 200, { backends: await listBackends(rt) });
    if (req.method === 'POST' && req.url === '/v3/scheduler/select') {
      return await sendJson(res, 200, await selectBackend(rt, requireNumber(await readJsonBody(req), 'size', 1)));
    }
    throw new HttpError(404, `no route ${req.method} ${req.url} (routes: POST /v3/scheduler/select, GET /v3/scheduler/backends, GET /healthz)`);
  } catch (error) {
    await sendJson(res, statusOf(error), { error: (error as Error).message });
  }
}

/** Every enabled backend's cached capabilities, with the generation and hits of its cache. */
async function listBackends(rt: Runtime): Promise<Array<Capabilities & { generation: number; cacheHits: number }>> {
  const config = rt.config;
  const names = config.get('DEFAULT', 'enabled_backends') as string[];
  return Promise.all(names.map((name) =>
    rt.use<CapabilitiesDriver, Capabilities & { generation: number; cacheHits: number }>('capabilities', name, (driver) => ({
      ...driver.capabilities(), generation: driver.generation, cacheHits: driver.cacheHits,
    }))));
}

/** Weighs the backends (free capacity × capacity_weight_multiplier) and reserves the size on the best. */
async function selectBackend(rt: Runtime, sizeGb: number): Promise<Record<string, unknown>> {
  const config = rt.config;
  const multiplier = config.get('scheduler', 'capacity_weight_multiplier') as number;
  const candidates = (await listBackends(rt)).filter((b) => b.freeGb >= sizeGb);
  candidates.sort((a, b) => b.freeGb * multiplier - a.freeGb * multiplier);
  for (const candidate of candidates) {
    const reserved = await rt.use<CapabilitiesDriver, boolean>('capabilities', candidate.backend, (driver) => driver.reserve(sizeGb));
    if (reserved) return { backend: candidate.backend, volume_backend_name: candidate.volumeBackendName, weight: candidate.freeGb * multiplier, generation: candidate.generation };
  }
  throw new HttpError(409, `no backend has ${sizeGb} GB free (backends: ${(config.get('DEFAULT', 'enabled_backends') as string[]).join(', ') || 'none'})`);
}
