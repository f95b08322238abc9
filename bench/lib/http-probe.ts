// One HTTP request on 127.0.0.1 with a deadline, on a fresh connection (no keep-alive: a restarted
// or replaced process is reached as a new client would reach it).
import { request } from 'node:http';

/** What to send. */
export interface ProbeRequest {
  port: number;
  path: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  timeoutMs: number;
}

/** What came back: `ok` means status 200 with a JSON body. */
export interface ProbeResult {
  ok: boolean;
  status?: number;
  body?: Record<string, unknown>;
  error?: string;
}

/** Sends one request; never rejects (a connection error or the deadline gives `ok: false`). */
export function probe(spec: ProbeRequest): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const payload = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let settled = false;
    const finish = (result: ProbeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = request({
      host: '127.0.0.1', port: spec.port, path: spec.path, method: spec.method ?? 'GET', agent: false,
      headers: payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('error', (error) => finish({ ok: false, status: res.statusCode, error: error.message }));
      res.on('end', () => {
        let body: Record<string, unknown> | undefined;
        try {
          body = JSON.parse(text) as Record<string, unknown>;
        } catch {
          return finish({ ok: false, status: res.statusCode, error: `not JSON: ${text.slice(0, 100)}` });
        }
        const ok = res.statusCode === 200;
        finish({ ok, status: res.statusCode, body, error: ok ? undefined : String(body['error'] ?? `status ${res.statusCode}`) });
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, error: `no answer within ${spec.timeoutMs} ms` });
    }, spec.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, error: error.code ?? error.message }));
    req.end(payload);
  });
}

/** Polls until `accept` says yes for an answer, or fails after `timeoutMs` with the last answer. */
export async function pollUntil(spec: ProbeRequest, accept: (result: ProbeResult) => boolean, timeoutMs: number): Promise<ProbeResult> {
  const deadline = performance.now() + timeoutMs;
  let last: ProbeResult = { ok: false, error: 'not tried' };
  while (performance.now() < deadline) {
    last = await probe(spec);
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`127.0.0.1:${spec.port}${spec.path} did not give the expected answer within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
}
