// `pm2 reload` in cluster mode with two instances of the plain app (pm2-app.cjs). pm2's own daemon
// runs with PM2_HOME in the scratch folder and is killed at the end (also on failure). Defaults are
// kept (kill_timeout 1600 ms, listen_timeout 3000 ms), as a pm2 user gets them.
import { join } from 'node:path';
import { writeBenchConfig } from '../../service/config-file.js';
import { onCleanup } from '../../lib/cleanup.js';
import { findProcessesMentioning, killTrees } from '../../lib/process-tree.js';
import { pollUntil } from '../../lib/http-probe.js';
import { runCommand, type CommandResult } from '../../lib/processes.js';
import { builtPath } from '../../lib/repo-paths.js';
import type { ChangeTarget } from '../change-target.js';

/** The app's name in pm2. */
const APP = 'reloadkit-bench';

/** Creates the pm2 target; `pm2Cli` is the installed CLI script, `dir` a scratch folder. */
export function createPm2Target(pm2Cli: string, dir: string, port: number, label: string): ChangeTarget {
  const configFile = join(dir, 'pm2-app.conf');
  const home = join(dir, 'pm2-home');
  const env = { PM2_HOME: home, PM2_DISABLE_VERSION_CHECK: 'true', PM2_NO_INTERACTION: 'true' };
  const pm2 = async (...args: string[]): Promise<CommandResult> => {
    const result = await runCommand(`pm2 ${args[0]}`, process.execPath, [pm2Cli, ...args], env, 60000);
    if (result.code !== 0) throw new Error(`pm2 ${args.join(' ')} exited ${result.code}:\n${result.output.slice(-2000)}`);
    return result;
  };
  const write = (answer: string) => writeBenchConfig(configFile, { port, controlSocket: join(dir, 'unused.sock'), notificationFile: join(dir, 'unused.jsonl'), answer });
  // pm2's daemon carries PM2_HOME in its process title: kill it and its workers by PID, twice (a daemon
  // still being spawned when the first pass runs is caught by the second).
  const killDaemon = async (): Promise<void> => {
    for (const delay of [0, 1000]) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      killTrees(findProcessesMentioning(home));
    }
  };
  let unregister: (() => void) | undefined;

  return {
    label,
    port,
    async setUp(initial) {
      await write(initial);
      unregister = onCleanup('the pm2 daemon', async () => {
        await runCommand('pm2 kill', process.execPath, [pm2Cli, 'kill'], env, 20000).catch(() => undefined);
        await killDaemon();
      });
      await pm2('start', builtPath('bench', 'reload-vs-alternatives', 'pm2-app.cjs'), '--name', APP, '-i', '2', '--', '--port', String(port), '--config', configFile);
      // Both workers answer (round robin) before the measurement starts.
      const pids = new Set<unknown>();
      await pollUntil({ port, path: '/short', timeoutMs: 1000 }, (r) => {
        if (r.body?.['value'] === initial) pids.add(r.body['pid']);
        return pids.size >= 2;
      }, 20000);
    },
    prepare: write,
    async trigger() {
      await pm2('reload', APP);
    },
    async tearDown() {
      await pm2('delete', APP).catch(() => undefined);
      await runCommand('pm2 kill', process.execPath, [pm2Cli, 'kill'], env, 20000).catch(() => undefined);
      await killDaemon();
      unregister?.();
    },
  };
}
