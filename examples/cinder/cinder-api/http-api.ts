// cinder-api's HTTP front: forwards POST /v3/volumes to cinder-volume through the stateless driver.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostPort, Runtime, StartHandle } from '../../../runtime/index.js';
import { HttpError, listenHttp, sendJson, statusOf, stopListening } from '../shared/http-json.js';
import type { VolumeClientDriver } from './volume-client-driver.js';

/** Opens the front on `osapi_volume_listen`. */
export async function startApiFront(rt: Runtime): Promise<StartHandle> {
  const address = rt.config.get('DEFAULT', 'osapi_volume_listen') as HostPort;
  const server = await listenHttp(address, (req, res) => {
    rt.track(() => handleRequest(rt, req, res)).catch(() => undefined);
  }, 'cinder-api (osapi_volume_listen)');
  return { close: () => stopListening(server) };
}

/** Routes one request. */
async function handleRequest(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (req.method === 'GET' && req.url === '/healthz') return await sendJson(res, 200, { service: rt.service, state: rt.state });
    if (req.method === 'POST' && req.url === '/v3/volumes') {
      let body = '';
      for await (const chunk of req) body += String(chunk);
      const answer = await rt.use<VolumeClientDriver, { status: number; body: string; endpoint: string }>('volume-client', 'api', async (driver) => ({
        ...(await driver.forward('POST', '/v3/volumes', body)), endpoint: driver.endpoint,
      }));
      let relayed: unknown;
      try {
        relayed = JSON.parse(answer.body);
      } catch {
        relayed = { error: `cinder-volume at ${answer.endpoint} answered ${answer.status} with a body that is not JSON` };
      }
      return await sendJson(res, answer.status, { ...(relayed as object), via: answer.endpoint });
    }
    throw new HttpError(404, `no route ${req.method} ${req.url} (routes: POST /v3/volumes, GET /healthz)`);
  } catch (error) {
    await sendJson(res, statusOf(error), { error: (error as Error).message });
  }
}
