// A full restart of the same bench service: SIGTERM, wait for the exit (the runtime drains in-flight
// work first, within graceful_shutdown_timeout), start it again with the new configuration.
import { join } from 'node:path';
import { writeBenchConfig } from '../../service/config-file.js';
import { pollUntil } from '../../lib/http-probe.js';
import type { StartedProcess } from '../../lib/processes.js';
import type { ChangeTarget } from '../change-target.js';
import { startBenchService, type BenchServicePaths } from './runtime-target.js';

/** Creates the restart target; trigger() resolves when the new process has announced readiness. */
export function createRestartTarget(paths: BenchServicePaths, label: string): ChangeTarget {
  const configFile = join(paths.dir, 'bench-restart.conf');
  const controlSocket = join(paths.dir, 'restart.sock');
  const notificationFile = join(paths.dir, 'restart-events.jsonl');
  let service: StartedProcess | undefined;
  const start = async (): Promise<StartedProcess> => {
    const started = startBenchService('bench service (restart)', configFile, 'overlap');
    await started.waitForLine((line) => line.includes('"msg":"ready"'), 15000);
    return started;
  };

  return {
    label,
    port: paths.port,
    async setUp(initial) {
      await writeBenchConfig(configFile, { port: paths.port, controlSocket, notificationFile, answer: initial });
      service = await start();
      await pollUntil({ port: paths.port, path: '/short', timeoutMs: 1000 }, (r) => r.body?.['value'] === initial, 5000);
    },
    prepare: (answer) => writeBenchConfig(configFile, { port: paths.port, controlSocket, notificationFile, answer }),
    async trigger() {
      const code = await service?.stop('SIGTERM', 30000);
      if (code !== 0) throw new Error(`${label}: the old process exited ${code}, expected 0 after draining`);
      service = await start();
    },
    async tearDown() {
      await service?.stop('SIGTERM', 10000);
      service = undefined;
    },
  };
}
