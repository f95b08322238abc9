// The bench service on the runtime, changed by SIGHUP or by the synchronous `reload` client, with its
// answer driver in overlap, exclusive or cut (no drain) mode; one process serves every repetition.
import { join } from 'node:path';
import { writeBenchConfig } from '../../service/config-file.js';
import type { BenchDriverMode } from '../../service/service.js';
import { pollUntil } from '../../lib/http-probe.js';
import { runCommand, startProcess, type StartedProcess } from '../../lib/processes.js';
import { BENCH_SERVICE_MAIN } from '../../lib/repo-paths.js';
import type { ChangeTarget } from '../change-target.js';

/** How the reload is asked for. */
export type ReloadTriggerKind = 'SIGHUP' | 'client';

/** Files and port of one bench service instance. */
export interface BenchServicePaths {
  dir: string;
  port: number;
}

/** Creates the target; the label names the mode and the trigger. */
export function createRuntimeTarget(mode: BenchDriverMode, how: ReloadTriggerKind, paths: BenchServicePaths, label: string): ChangeTarget {
  const configFile = join(paths.dir, `bench-${mode}.conf`);
  const controlSocket = join(paths.dir, `${mode}.sock`);
  const notificationFile = join(paths.dir, `${mode}-${how}-events.jsonl`);
  let service: StartedProcess | undefined;
  const write = (answer: string) => writeBenchConfig(configFile, { port: paths.port, controlSocket, notificationFile, answer });

  return {
    label,
    port: paths.port,
    async setUp(initial) {
      await write(initial);
      service = startBenchService(`bench service (${mode})`, configFile, mode);
      await service.waitForLine((line) => line.includes('"msg":"ready"'), 15000);
      await pollUntil({ port: paths.port, path: '/short', timeoutMs: 1000 }, (r) => r.body?.['value'] === initial, 5000);
    },
    prepare: write,
    async trigger() {
      if (!service) throw new Error(`${label}: trigger before setUp`);
      if (how === 'SIGHUP') {
        process.kill(service.pid, 'SIGHUP');
        return;
      }
      const result = await runCommand('reload client', process.execPath, [BENCH_SERVICE_MAIN, 'reload', '--control-socket', controlSocket, '--timeout', '30'], {}, 40000);
      if (result.code !== 0) throw new Error(`${label}: the reload client exited ${result.code}:\n${result.output}`);
    },
    async tearDown() {
      await service?.stop('SIGTERM', 10000);
      service = undefined;
    },
  };
}

/** Starts the bench service in the foreground with BENCH_DRIVER_MODE set. */
export function startBenchService(name: string, configFile: string, mode: BenchDriverMode, nodeFlags: readonly string[] = []): StartedProcess {
  return startProcess(name, process.execPath, [...nodeFlags, BENCH_SERVICE_MAIN, '--config-file', configFile], { BENCH_DRIVER_MODE: mode });
}
