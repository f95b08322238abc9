// The container engine: Docker by default, podman with RELOADKIT_CONTAINER_ENGINE=podman. Makes sure it
// answers before anything else runs, and fails with what is missing when it cannot.

import { execa, type Options, type Result } from 'execa';
import { startDockerd } from './dockerd.js';
import { HarnessError } from './errors.js';
import { logProgress } from './log.js';
import { withProcessLock } from './process-lock.js';
import { findExecutable } from './paths.js';

// The engines the harness drives; both take the same CLI arguments for what it uses.
export type EngineName = 'docker' | 'podman';

// A container engine the harness can run commands with.
export interface Engine {
  name: EngineName;
  /** absolute path of the client binary */
  client: string;
}

// How to install each engine's Debian package (scripts/install-deps.sh installs Docker, the default).
const installHint: Record<EngineName, string> = {
  docker: "install Debian's docker.io as root: bash scripts/install-deps.sh",
  podman: "install Debian's podman as root: apt-get install podman",
};

// Reads RELOADKIT_CONTAINER_ENGINE (docker when unset) and checks its client is installed.
export function chooseEngine(env: NodeJS.ProcessEnv = process.env): Engine {
  const requested = (env['RELOADKIT_CONTAINER_ENGINE'] ?? '').trim() || 'docker';
  if (requested !== 'docker' && requested !== 'podman') {
    throw new HarnessError(
      `RELOADKIT_CONTAINER_ENGINE: expected "docker" or "podman", got "${requested}"`,
    );
  }
  const client = findExecutable(requested, env['PATH']);
  if (!client) {
    throw new HarnessError(
      `cannot run the container tests: "${requested}" is not installed (no ${requested} on PATH); ${installHint[requested]}`,
    );
  }
  return { name: requested, client };
}

// Runs the engine's client with `args`; never throws on a non-zero exit (check `exitCode`).
export function runEngine(engine: Engine, args: readonly string[], options: Options = {}): Promise<Result> {
  return execa(engine.client, args, { reject: false, stdin: 'ignore', ...options }) as Promise<Result>;
}

async function engineAnswers(engine: Engine): Promise<Result> {
  const version = engine.name === 'docker' ? '{{.ServerVersion}}' : '{{.Version.Version}}';
  return runEngine(engine, ['info', '--format', version], { timeout: 20_000 });
}

// Makes sure the engine answers: for Docker, starts dockerd in the background when none runs and we are root.
export async function ensureEngineReady(engine: Engine, logDir: string): Promise<void> {
  const first = await engineAnswers(engine);
  if (first.exitCode === 0) {
    logProgress(engine.name, `engine ${String(first.stdout).trim()} answers (${engine.client})`);
    return;
  }
  if (engine.name === 'podman') {
    throw new HarnessError(`cannot run the container tests: "podman info" failed: ${String(first.stderr).trim()}`);
  }
  if (process.getuid?.() !== 0) {
    throw new HarnessError(
      `cannot run the container tests: "docker info" failed (${String(first.stderr).trim()}); ` +
        'run them as root (the harness then starts dockerd itself when none runs)',
    );
  }
  const answers = async (): Promise<boolean> => (await engineAnswers(engine)).exitCode === 0;
  // another test process may be starting it right now: start it only if it still does not answer
  await withProcessLock(logDir, 'dockerd', async () => {
    if (!(await answers())) await startDockerd(answers, logDir);
  });
  const second = await engineAnswers(engine);
  logProgress(engine.name, `engine ${String(second.stdout).trim()} answers (${engine.client})`);
}
