// What a scenario reads back from each host after a run: the live file, whether anything is left beside it,
// the reloads the notification file holds since a mark, and which backend port the service now serves on.

import { cinderConf, type Notification } from '../containers/scenarios/cinder-config.js';
import { notificationFile } from '../containers/cinder-packages.js';
import { createVolumeOnce } from '../containers/scenarios/cinder-workload.js';
import type { FleetHost } from './fleet-hosts.js';

/** A host as a scenario sees it after a run. */
export interface HostState {
  conf: string;
  /** files beside the live one (the staged or the previous file) */
  leftovers: string[];
  /** notification events since the mark */
  events: Notification[];
  /** the port backend_a's operations reach (the running configuration's san_port) */
  backendAPort: unknown;
  active: string;
}

/** How many lines each host's notification file has now: events after this mark belong to the run. */
export async function markNotifications(host: FleetHost): Promise<number> {
  const result = await host.container.exec(`wc -l < ${notificationFile} 2>/dev/null || echo 0`);
  return Number(result.stdout.trim()) || 0;
}

/** Reads the host's state; `mark` is what markNotifications returned before the run. */
export async function readHostState(host: FleetHost, mark: number): Promise<HostState> {
  const { container } = host;
  const conf = await container.run(`cat ${cinderConf}`, { stripFinalNewline: false });
  const leftovers = (await container.exec(`ls ${cinderConf}.* 2>/dev/null`)).stdout.split('\n').filter(Boolean);
  const lines = (await container.exec(`tail -n +${mark + 1} ${notificationFile} 2>/dev/null`)).stdout.split('\n');
  const events = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Notification);
  const active = (await container.exec('systemctl is-active cinder-volume')).stdout.trim();
  const backendAPort = active === 'active' ? (await createVolumeOnce(container, 'backend_a')).body['backend_port'] : undefined;
  return { conf, leftovers, events, backendAPort, active };
}
