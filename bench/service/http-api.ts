// The bench service's HTTP API: GET /short (answers at once), GET /long?ms=N (holds the answer driver
// for N ms), GET /memory (heap after a full GC and live handles; needs node --expose-gc).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { HostPort, Lease, Runtime, StartHandle } from '../../runtime/index.js';
import type { AnswerDriver } from './answer-driver.js';
import { measureMemory } from './memory.js';

/** Opens the API on `listen`; the handle stops accepting when the service stops. */
export async function startBenchApi(rt: Runtime): Promise<StartHandle> {
  const address = rt.config.get('DEFAULT', 'listen') as HostPort;
  const server = createServer((req, res) => {
    rt.track(() => route(rt, req, res)).catch((error: Error) => send(res, 503, { error: error.message }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause) => reject(new Error(`cannot listen on ${address.host}:${address.port}: ${cause.message}`, { cause })));
    server.listen(address.port, address.host, () => resolve());
  });
  return {
    close: () => {
      server.close();
      server.closeIdleConnections();
    },
  };
}

/** What every answer carries: which configuration and generation served it, and from which process. */
function describeAnswer(driver: AnswerDriver, lease: Lease<AnswerDriver>): Record<string, unknown> {
  return { value: lease.config.get('svc', 'answer'), driverValue: driver.answer, generation: lease.generation, pid: process.pid };
}

/** Routes one request. */
async function route(rt: Runtime, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://bench');
  try {
    if (url.pathname === '/short') {
      return send(res, 200, await rt.use<AnswerDriver, Record<string, unknown>>('answer', 'svc', describeAnswer));
    }
    if (url.pathname === '/long') {
      const ms = Number(url.searchParams.get('ms') ?? '2000');
      return send(res, 200, await rt.use<AnswerDriver, Record<string, unknown>>('answer', 'svc', async (driver, lease) => {
        await driver.hold(ms);
        return describeAnswer(driver, lease);
      }));
    }
    if (url.pathname === '/memory') return send(res, 200, measureMemory());
    return send(res, 404, { error: `no route ${url.pathname} (routes: /short, /long?ms=N, /memory)` });
  } catch (error) {
    return send(res, 502, { error: (error as Error).message });
  }
}

/** Writes a JSON answer. */
function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
