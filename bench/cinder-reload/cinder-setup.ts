// The cinder pieces one benchmark run needs: three fake backends (backend_a's two addresses and
// backend_b) and cinder-volume's configuration file, written atomically.
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builtPath } from '../lib/repo-paths.js';
import { startProcess, type StartedProcess } from '../lib/processes.js';
import { findFreePort } from '../lib/scratch.js';

/** The compiled fake backend. */
const FAKE_BACKEND = builtPath('examples', 'cinder', 'fake-backend', 'main.js');

/** Ports of the backends. */
export interface BackendPorts {
  /** backend_a's two addresses: the reload moves it from one to the other. */
  a: [number, number];
  b: number;
}

/** The running fake backends. */
export interface Backends {
  ports: BackendPorts;
  processes: StartedProcess[];
  /** Wall-clock time (ms) of the last operation the backend on `port` finished, from its own log. */
  findLastOperationEnd(port: number): number | undefined;
}

/** Starts the three fake backends and waits until each listens. */
export async function startBackends(): Promise<Backends> {
  const ports: BackendPorts = { a: [await findFreePort(), await findFreePort()], b: await findFreePort() };
  const byPort = new Map([...ports.a, ports.b].map((port) => [port, startProcess(`fake-backend :${port}`, process.execPath, [FAKE_BACKEND, '--port', String(port)])]));
  const processes = [...byPort.values()];
  await Promise.all(processes.map((p) => p.waitForLine((line) => line.includes('"event":"listening"'), 15000)));
  const findLastOperationEnd = (port: number): number | undefined => {
    let last: number | undefined;
    for (const line of byPort.get(port)?.lines ?? []) {
      if (!line.includes('"event":"op.end"')) continue;
      const time = Date.parse((JSON.parse(line) as { time: string }).time);
      if (last === undefined || time > last) last = time;
    }
    return last;
  };
  return { ports, processes, findLastOperationEnd };
}

/** Files and ports of one cinder-volume instance. */
export interface VolumeFiles {
  dir: string;
  apiPort: number;
  configFile: string;
  controlSocket: string;
  notificationFile: string;
}

/** Chooses the file names of one instance (`name` keeps instances apart). */
export async function planVolumeFiles(dir: string, name: string): Promise<VolumeFiles> {
  return {
    dir, apiPort: await findFreePort(), configFile: join(dir, `${name}.conf`),
    controlSocket: join(dir, `${name}.sock`), notificationFile: join(dir, `${name}-events.jsonl`),
  };
}

/** Writes cinder.conf with backend_a on `portA`. */
export async function writeVolumeConfig(files: VolumeFiles, ports: BackendPorts, portA: number): Promise<void> {
  const text = [
    '[DEFAULT]',
    'enabled_backends = backend_a, backend_b',
    `volume_api_listen = 127.0.0.1:${files.apiPort}`,
    `control_socket = ${files.controlSocket}`,
    `notification_file = ${files.notificationFile}`,
    'reload_drain_timeout = 30',
    'graceful_shutdown_timeout = 30',
    '',
    '[backend_a]', 'volume_backend_name = fast', 'san_ip = 127.0.0.1', `san_port = ${portA}`,
    '',
    '[backend_b]', 'volume_backend_name = bulk', 'san_ip = 127.0.0.1', `san_port = ${ports.b}`,
  ].join('\n') + '\n';
  await writeFile(`${files.configFile}.tmp`, text);
  await rename(`${files.configFile}.tmp`, files.configFile);
}
