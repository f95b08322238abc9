// Installs the smoke service (test/containers/fixtures/smoke) into a container the way each init system
// expects a service to be installed, enables it and starts it. Later scenarios install packages instead.

import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Container } from '../container.js';
import { HarnessError } from '../errors.js';
import type { InitSystem, ServiceUnderTest } from '../init-profiles.js';
import { fixturesDir } from '../paths.js';

// The smoke service as the evidence collector sees it.
export const smokeService: ServiceUnderTest = { name: 'rk-smoke', logFiles: ['/var/log/rk-smoke.log'] };

// Where the smoke daemon keeps its reload counter inside the container.
export const smokeCounterFile = '/run/rk-smoke/reloads';

const smokeFixtures = join(fixturesDir, 'smoke');

// Shell commands that register and start the service, per init system (after the files are copied in).
const startCommands: Record<InitSystem, string> = {
  systemd: 'systemctl daemon-reload && systemctl enable --now rk-smoke.service',
  sysvinit: 'update-rc.d rk-smoke defaults && service rk-smoke start',
  openrc: 'rc-update add rk-smoke default && rc-service rk-smoke start',
  // runsvdir notices a new service directory within 5 s
  runit: 'ln -s /etc/sv/rk-smoke /etc/service/rk-smoke',
};

async function copyServiceDefinition(container: Container): Promise<void> {
  switch (container.row.profile.init) {
    case 'systemd':
      return container.copyIn(join(smokeFixtures, 'rk-smoke.service'), '/etc/systemd/system/rk-smoke.service');
    case 'sysvinit':
      return container.copyIn(join(smokeFixtures, 'rk-smoke.init'), '/etc/init.d/rk-smoke');
    case 'openrc':
      return container.copyIn(join(smokeFixtures, 'rk-smoke.openrc'), '/etc/init.d/rk-smoke');
    case 'runit':
      return container.copyIn(join(smokeFixtures, 'runit', 'rk-smoke'), '/etc/sv/rk-smoke');
  }
}

// Reads the daemon's reload counter; undefined while it does not exist yet.
export async function readSmokeCounter(container: Container): Promise<number | undefined> {
  const result = await container.exec(`cat ${smokeCounterFile}`);
  return result.exitCode === 0 ? Number(result.stdout.trim()) : undefined;
}

// Copies the daemon, its reload client and the init system's service definition in, then enables and
// starts the service and waits until the daemon has written its counter (0 reloads).
export async function installSmokeService(container: Container, timeoutMs = 20_000): Promise<void> {
  await container.copyIn(join(smokeFixtures, 'rk-smoke-daemon'), '/usr/local/bin/rk-smoke-daemon');
  await container.copyIn(join(smokeFixtures, 'rk-smoke-reload'), '/usr/local/bin/rk-smoke-reload');
  await copyServiceDefinition(container);
  await container.run(startCommands[container.row.profile.init]);
  const startedAt = Date.now();
  while (Date.now() - startedAt < timeoutMs) {
    if ((await readSmokeCounter(container)) === 0 && (await container.exec('test -s /run/rk-smoke/pid')).exitCode === 0) return;
    await sleep(250);
  }
  throw new HarnessError(`the smoke service did not start within ${timeoutMs / 1000} s in ${container.name} (no ${smokeCounterFile})`);
}
