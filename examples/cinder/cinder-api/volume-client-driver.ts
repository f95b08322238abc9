// cinder-api's driver: forwards requests to cinder-volume (the driver shape "stateless"). It holds no
// connection and no cache, only the endpoint it was built for; a reload that changes [api] rebuilds it.
import { request } from 'node:http';
import type { DriverContext, HostPort } from '../../../runtime/index.js';

/** An answer relayed from cinder-volume. */
export interface ForwardedResponse {
  status: number;
  body: string;
}

/** Forwards one request to cinder-volume. */
export interface VolumeClientDriver {
  readonly endpoint: string;
  forward(method: string, path: string, body: string): Promise<ForwardedResponse>;
}

/** Builds the forwarder from [api] volume_endpoint and request_timeout of the snapshot it is built for. */
export function createVolumeClientDriver(ctx: DriverContext): VolumeClientDriver {
  const endpoint = ctx.config.get(ctx.section, 'volume_endpoint') as HostPort;
  const timeoutMs = (ctx.config.get(ctx.section, 'request_timeout') as number) * 1000;
  const label = `${endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`;
  return {
    endpoint: label,
    forward: (method, path, body) =>
      new Promise((resolve, reject) => {
        const req = request({ host: endpoint.host, port: endpoint.port, method, path, timeout: timeoutMs, headers: { 'content-type': 'application/json' } }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, body: text }));
          res.on('error', reject);
        });
        let timedOut: Error | undefined;
        req.on('timeout', () => {
          timedOut = new Error(`cinder-volume at ${label} did not answer within ${timeoutMs / 1000} s ([api] request_timeout)`);
          req.destroy(timedOut);
        });
        req.on('error', (cause) => reject(cause === timedOut ? cause
          : new Error(`cannot reach cinder-volume at ${label} ([api] volume_endpoint): ${cause.message}`, { cause })));
        req.end(body);
      }),
  };
}
