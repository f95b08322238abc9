// Containers are always removed: when a test ends, when the process exits, on Ctrl-C / SIGTERM, and on
// the next run for any container whose owning process is gone (labelled with its PID).

import { execFileSync } from 'node:child_process';
import { type Engine, runEngine } from './engine.js';
import { harnessLabel } from './image-recipe.js';
import { logProgress } from './log.js';

const live = new Map<string, Engine>();
let handlersInstalled = false;

function removeAllNow(): void {
  for (const [name, engine] of live) {
    try {
      execFileSync(engine.client, ['rm', '--force', name], { stdio: 'ignore', timeout: 30_000 });
    } catch {
      // best effort: the next run removes leftovers by label
    }
    live.delete(name);
  }
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', removeAllNow);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.on(signal, () => {
      logProgress('cleanup', `${signal}: removing ${live.size} container(s)`);
      removeAllNow();
      process.exit(code);
    });
  }
}

// Registers a started container so that it is removed even if the test never gets to remove it.
export function trackContainer(name: string, engine: Engine): void {
  installHandlers();
  live.set(name, engine);
}

// Forgets a container that was removed normally.
export function untrackContainer(name: string): void {
  live.delete(name);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Removes containers left by earlier runs whose owning process no longer exists; returns their names.
export async function removeLeftoverContainers(engine: Engine): Promise<string[]> {
  const listed = await runEngine(engine, [
    'ps', '--all', '--filter', `label=${harnessLabel}.owner`,
    '--format', `{{.Names}} {{.Label "${harnessLabel}.owner"}}`,
  ]);
  const removed: string[] = [];
  for (const line of String(listed.stdout).split('\n').filter(Boolean)) {
    const [name, owner] = line.split(' ');
    if (!name || (owner && processIsAlive(Number(owner)))) continue;
    await runEngine(engine, ['rm', '--force', name]);
    removed.push(name);
  }
  if (removed.length > 0) logProgress('cleanup', `removed leftover containers: ${removed.join(', ')}`);
  return removed;
}
