// The smoke scenario, run on every row: PID 1 is the row's init system; a tiny service installed the init
// system's way is reloaded by each of the row's own reload commands; every reload reaches the daemon, and
// the daemon is never restarted. It needs no package of ours: it proves the harness end to end and is the
// template of the package scenarios.

import { setTimeout as sleep } from 'node:timers/promises';
import { type Checks, expectEqual } from '../checks.js';
import type { Container } from '../container.js';
import { withEvidence } from '../evidence.js';
import { installSmokeService, readSmokeCounter, smokeService } from './smoke-service.js';

// How long a reload may take to be counted after the reload command returned (a command that does not wait, e.g. `sv reload`).
export const reloadDeadlineMs = 10_000;

async function waitForCounter(container: Container, wanted: number): Promise<number | undefined> {
  const startedAt = Date.now();
  let count = await readSmokeCounter(container);
  while (count !== wanted && Date.now() - startedAt < reloadDeadlineMs) {
    await sleep(200);
    count = await readSmokeCounter(container);
  }
  return count;
}

async function readDaemonPid(container: Container): Promise<string> {
  return (await container.run('cat /run/rk-smoke/pid')).trim();
}

// Runs the smoke scenario in a booted container of any row.
export async function runSmokeScenario(t: Checks, container: Container): Promise<void> {
  const { row } = container;
  const service = smokeService;
  await expectEqual(t, container, service, await container.pid1(), row.profile.pid1Comm, `PID 1 is ${row.profile.pid1Comm} (${row.profile.init})`);
  await withEvidence(container, service, 'install and start the smoke service', () => installSmokeService(container));
  const pid = await readDaemonPid(container);

  let expected = 0;
  for (const { command } of row.reloadCommands(service)) {
    expected += 1;
    const result = await container.exec(command, { timeoutMs: 30_000 });
    const output = [result.stdout.trim(), result.stderr.trim()].filter(Boolean).join('\n');
    await expectEqual(t, container, service, result.exitCode, 0, `\`${command}\` exits 0`, { output });
    const count = await waitForCounter(container, expected);
    await expectEqual(t, container, service, count, expected, `\`${command}\` reached the daemon (reload ${expected})`);
  }
  await expectEqual(t, container, service, await readDaemonPid(container), pid, 'the daemon was reloaded, never restarted (same PID)');
}
