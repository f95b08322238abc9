// The three hosts every fleet scenario shares: containers of the fleet image, each with the cinder .debs
// installed and started by systemd and the fake storage backends running; reset between scenarios
// instead of being rebuilt.

import type { CinderPackageVersions } from '../containers/cinder-packages.js';
import { type Container, startContainer } from '../containers/container.js';
import { cinderConf } from '../containers/scenarios/cinder-config.js';
import { copyPackages, installCinderDebs } from '../containers/scenarios/cinder-install.js';
import { backendPorts } from '../containers/scenarios/cinder-reload.js';
import { installWorkloadTools, startFakeBackends, waitUntilServing } from '../containers/scenarios/cinder-workload.js';
import type { FleetImage } from './fleet-image.js';

/** One host of the fleet: its inventory name and its container. */
export interface FleetHost {
  name: string;
  container: Container;
}

/** How many hosts the fleet has (a canary, then a batch of two). */
export const FLEET_SIZE = 3;

/** Prepares one started container: backends first (the drivers connect at start-up), then the packages. */
async function setUpHost(container: Container, packages: CinderPackageVersions): Promise<void> {
  await container.waitUntilBooted();
  await installWorkloadTools(container);
  await startFakeBackends(container, [backendPorts.a, backendPorts.b, backendPorts.c]);
  const debs = await copyPackages(container, packages.v1, '/var/tmp/rk-debs/1.0.0');
  await installCinderDebs(container, debs);
  await waitUntilServing(container);
}

/** Starts the fleet's hosts (host1 … host3) and sets them up side by side; removes them all if one fails. */
export async function startFleet(fleet: FleetImage, packages: CinderPackageVersions): Promise<FleetHost[]> {
  const hosts: FleetHost[] = [];
  try {
    for (let i = 1; i <= FLEET_SIZE; i++) {
      hosts.push({ name: `host${i}`, container: await startContainer(fleet.engine, fleet.row, fleet.image) });
    }
    await Promise.all(hosts.map((host) => setUpHost(host.container, packages)));
    return hosts;
  } catch (error) {
    await removeFleet(hosts);
    throw error;
  }
}

/** Removes every host's container. */
export async function removeFleet(hosts: readonly FleetHost[]): Promise<void> {
  await Promise.all(hosts.map((host) => host.container.remove()));
}

/** The pattern that finds the fake backend on `port` (bracketed, so the shell running pgrep is no match). */
function backendPattern(port: number): string {
  const digits = String(port);
  return `fake-backend/main.js --port [${digits[0]}]${digits.slice(1)}`;
}

/** Whether the fake backend on `port` runs in the container. */
export async function backendRuns(container: Container, port: number): Promise<boolean> {
  return (await container.exec(`pgrep -f '${backendPattern(port)}'`)).exitCode === 0;
}

/** Stops the fake backend on `port`, so a driver pointed at it cannot be built there. */
export async function stopBackend(container: Container, port: number): Promise<void> {
  await container.run(`pkill -f '${backendPattern(port)}'; while pgrep -f '${backendPattern(port)}' >/dev/null; do sleep 0.1; done`);
}

/**
 * Puts a host back in a known state: `conf` as its live file, no file left beside it, the service started and
 * running `conf` (a reload through its own client, which changes nothing when it already runs it), backend C up.
 */
export async function resetHost(host: FleetHost, conf: string): Promise<void> {
  const { container } = host;
  await container.run(`rm -f ${cinderConf}.reloadkit-new ${cinderConf}.reloadkit-previous`);
  await container.writeFile(cinderConf, conf);
  if (!(await backendRuns(container, backendPorts.c))) await startFakeBackends(container, [backendPorts.c]);
  await container.run('systemctl start cinder-volume');
  await waitUntilServing(container);
  await container.run(`cinder-volume reload --config-file ${cinderConf} --timeout 60`, { timeoutMs: 90_000 });
}
