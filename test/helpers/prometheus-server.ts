// A real Prometheus server of the test's own (Debian's prometheus, not the system service): its own
// configuration and storage directory under a temp directory, on a free loopback port, scraping the
// given targets every second; stopped at teardown.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Test } from 'tap';
import { freePort, tempDir } from './cinder-processes.js';

const PROMETHEUS = '/usr/bin/prometheus';

/** A running server. */
export interface PrometheusServer {
  port: number;
  /** Runs an instant query; resolves with the API's `data.result`. */
  query(expression: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  /** The scrape targets' state (`/api/v1/targets`). */
  targets(): Promise<Array<{ health: string; lastError: string; scrapeUrl: string }>>;
}

/** Starts Prometheus scraping `targets` (`host:port`) at /metrics every second. */
export async function startPrometheus(t: Test, targets: string[]): Promise<PrometheusServer> {
  if (!existsSync(PROMETHEUS)) throw new Error(`${PROMETHEUS} is missing: install Debian's prometheus (scripts/install-deps.sh does)`);
  const dir = tempDir(t);
  const port = await freePort();
  const config = join(dir, 'prometheus.yml');
  writeFileSync(config, [
    'global:', '  scrape_interval: 1s', '  evaluation_interval: 1s',
    'scrape_configs:', '  - job_name: reloadkit', '    scrape_timeout: 1s',
    `    static_configs:`, `      - targets: [${targets.map((target) => JSON.stringify(target)).join(', ')}]`, '',
  ].join('\n'));
  const server = spawn(PROMETHEUS, [
    `--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`,
  ], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)));
  server.stderr.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise<void>((resolve) => server.on('exit', () => resolve()));
  t.teardown(async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  });
  const api = async (path: string): Promise<any> => {
    const text = await get(port, path);
    const answer = JSON.parse(text) as { status: string; data: unknown; error?: string };
    if (answer.status !== 'success') throw new Error(`Prometheus ${path}: ${answer.error ?? text}`);
    return answer.data;
  };
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (gone) throw new Error(`prometheus exited during start-up:\n${output}`);
    try {
      if ((await get(port, '/-/ready')).includes('Ready')) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`prometheus not ready within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    port,
    query: async (expression) => (await api(`/api/v1/query?query=${encodeURIComponent(expression)}`)).result,
    targets: async () => (await api('/api/v1/targets')).activeTargets,
  };
}

/** GET on 127.0.0.1:`port`; resolves with the body whatever the status. */
function get(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end();
  });
}
