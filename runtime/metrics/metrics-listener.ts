// The optional Prometheus endpoint: GET /metrics on `[DEFAULT] metrics_listen`. The option is mutable:
// after every reload the listener follows it (bind the new address first, then close the old one; a
// failed bind is logged and the old listener keeps serving). Unset = no listener.
import { createServer, type Server } from 'node:http';
import type { HostPort } from '../config/option-types.js';
import { messageOf } from '../model/message-of.js';
import type { Runtime } from '../runtime-api.js';
import { EXPOSITION_CONTENT_TYPE, formatExposition } from './exposition.js';
import { ReloadMetrics } from './reload-metrics.js';

/** Connections the endpoint accepts at once (a scraper needs one; the service's file descriptors are bounded). */
export const METRICS_MAX_CONNECTIONS = 32;
/** Idle keep-alive connections are closed after this long. */
export const METRICS_IDLE_TIMEOUT_MS = 30_000;

/** The running endpoint. */
export interface MetricsListener {
  /** The bound address as `host:port` (port 0 resolved), or undefined when metrics_listen is unset. */
  address(): string | undefined;
  /** Resolves when the listener has followed the latest reload (tests and stop wait for it). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the endpoint on the configured address (a bind failure throws) and keeps it following reloads. */
export async function startMetricsListener(rt: Runtime, log: (fields: Record<string, unknown>) => void): Promise<MetricsListener> {
  const metrics = new ReloadMetrics();
  const render = (): string => formatExposition(metrics.collect(rt.status()));
  let bound: { wanted: string; server: Server; address: string } | undefined;
  let closed = false;

  const follow = async (): Promise<void> => {
    const value = rt.config.get('DEFAULT', 'metrics_listen') as HostPort | undefined;
    const wanted = value ? formatHostPort(value) : '';
    if (closed || wanted === (bound?.wanted ?? '')) return;
    const previous = bound;
    if (value) {
      const server = await listen(value, render);
      bound = { wanted, server, address: formatHostPort(server.address() as { address: string; port: number }) };
    } else {
      bound = undefined;
    }
    if (previous) await stopServer(previous.server);
  };

  await follow();
  let queue = Promise.resolve();
  const unsubscribe = rt.on('reload.end', (end) => {
    metrics.observe(end);
    queue = queue.then(follow).catch((error) => {
      log({ level: 'error', msg: 'metrics_listen', error: `cannot listen on the new metrics_listen, the old listener keeps serving: ${messageOf(error)}` });
    });
  });
  return {
    address: () => bound?.address,
    settled: () => queue,
    async close() {
      closed = true;
      unsubscribe();
      await queue;
      if (bound) await stopServer(bound.server);
      bound = undefined;
    },
  };
}

/** Binds one HTTP server that answers GET/HEAD /metrics and 404 otherwise. */
function listen(address: HostPort, render: () => string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: the metrics are at /metrics\n');
    } else if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed\n');
    } else {
      const body = render();
      response.writeHead(200, { 'content-type': EXPOSITION_CONTENT_TYPE, 'content-length': Buffer.byteLength(body) });
      response.end(request.method === 'HEAD' ? undefined : body);
    }
  });
  server.maxConnections = METRICS_MAX_CONNECTIONS;
  server.keepAliveTimeout = METRICS_IDLE_TIMEOUT_MS;
  server.headersTimeout = METRICS_IDLE_TIMEOUT_MS;
  server.requestTimeout = METRICS_IDLE_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    server.once('error', (error) => reject(new Error(`metrics_listen ${formatHostPort(address)}: ${error.message}`, { cause: error })));
    server.listen(address.port, address.host, () => resolve(server));
  });
}

/** Closes a server and its idle and open connections. */
function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** `host:port`, IPv6 in brackets. */
function formatHostPort(value: { host?: string; address?: string; port: number }): string {
  const host = value.host ?? value.address ?? '';
  return host.includes(':') ? `[${host}]:${value.port}` : `${host}:${value.port}`;
}
