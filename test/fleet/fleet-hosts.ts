// The three hosts every fleet scenario shares: containers of the fleet image, each with the cinder .debs
// installed and started by systemd and the fake storage backends running; reset between scenarios
// instead of being rebuilt.

import { setTimeout as sleep } from 'node:timers/promises';
import type { CinderPackageVersions } from '../containers/cinder-packages.js';
import { type Container, startContainer } from '../containers/container.js';
import { HarnessError } from '../containers/errors.js';
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
  await startFakeBackends(container, [backendPorts.a, backendPorts.b]);
  await startBackendC(container);
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

/** Where the fleet keeps the process id of the backend it can stop (the backend's process title hides its port). */
const stoppableBackendPid = '/var/tmp/rk-fleet-backend-c.pid';

/** Whether something accepts connections on 127.0.0.1:`port` in the container. */
async function listens(container: Container, port: number): Promise<boolean> {
  const probe = `require('net').connect(${port}, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1))`;
  return (await container.exec(`node -e "${probe}"`)).exitCode === 0;
}

/** Starts backend C in the background, keeping its process id, and waits until it accepts connections. */
export async function startBackendC(container: Container, timeoutMs = 15_000): Promise<void> {
  await container.run(
    `setsid node /opt/rk-fake-backend/examples/cinder/fake-backend/main.js --port ${backendPorts.c} > /var/tmp/rk-fleet-backend-c.log 2>&1 < /dev/null & echo $! > ${stoppableBackendPid}`,
  );
  const startedAt = Date.now();
  while (!(await listens(container, backendPorts.c))) {
    if (Date.now() - startedAt > timeoutMs) {
      throw new HarnessError(`backend C did not listen on ${backendPorts.c} within ${timeoutMs / 1000} s in ${container.name}: ${await container.run('cat /var/tmp/rk-fleet-backend-c.log')}`);
    }
    await sleep(200);
  }
}

/** Stops backend C, so a driver pointed at it cannot be built there. */
export async function stopBackendC(container: Container): Promise<void> {
  await container.run(`kill "$(cat ${stoppableBackendPid})"; while kill -0 "$(cat ${stoppableBackendPid})" 2>/dev/null; do sleep 0.1; done`);
}

/**
 * Puts a host back in a known state: `conf` as its live file, no file left beside it, the service started and
 * running `conf` (a reload through its own client, which changes nothing when it already runs it), backend C up.
 */
export async function resetHost(host: FleetHost, conf: string): Promise<void> {
  const { container } = host;
  await container.run(`rm -f ${cinderConf}.reloadkit-new ${cinderConf}.reloadkit-previous`);
  await container.writeFile(cinderConf, conf);
  if (!(await listens(container, backendPorts.c))) await startBackendC(container);
  await container.run('systemctl start cinder-volume');
  await waitUntilServing(container);
  await container.run(`cinder-volume reload --config-file ${cinderConf} --timeout 60`, { timeoutMs: 90_000 });
}
