// A handle on one running container of a matrix row: start it, wait until its init has booted, run
// commands in it, copy files in, collect evidence when something failed, and remove it.

import { setTimeout as sleep } from 'node:timers/promises';
import { trackContainer, untrackContainer } from './cleanup.js';
import { type Engine, runEngine } from './engine.js';
import { HarnessError } from './errors.js';
import { harnessLabel } from './image-recipe.js';
import type { ServiceUnderTest } from './init-profiles.js';
import { logBlock, logProgress } from './log.js';
import type { MatrixRow } from './matrix.js';

// What a command run in the container printed and how it exited (124 when it timed out).
export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

// How a command runs in the container.
export interface ExecOptions {
  timeoutMs?: number;
  /** written to the command's stdin */
  input?: string;
  stripFinalNewline?: boolean;
}

let started = 0;

// Options one engine needs whatever the row: podman raises the open-files and process limits above what an
// unprivileged-resource machine allows (runc: "error setting rlimit type 7"), so set them explicitly.
function engineRunOptions(engine: Engine): string[] {
  return engine.name === 'podman' ? ['--ulimit', 'nofile=8192:8192', '--ulimit', 'nproc=8192:8192'] : [];
}

// One running container; create it with `startContainer`.
export class Container {
  constructor(
    readonly engine: Engine,
    readonly row: MatrixRow,
    readonly name: string,
  ) {}

  // Runs a shell script inside the container as root; never throws on a non-zero exit. The output loses its
  // final newline unless `stripFinalNewline` is false.
  async exec(script: string, options: ExecOptions = {}): Promise<ExecResult> {
    const args = ['exec', ...(options.input === undefined ? [] : ['--interactive']), this.name, 'sh', '-c', script];
    const result = await runEngine(this.engine, args, {
      timeout: options.timeoutMs ?? 60_000,
      stripFinalNewline: options.stripFinalNewline ?? true,
      ...(options.input === undefined ? {} : { input: options.input, stdin: undefined }),
    });
    return {
      stdout: String(result.stdout ?? ''),
      stderr: String(result.stderr ?? ''),
      exitCode: result.timedOut ? 124 : (result.exitCode ?? 1),
    };
  }

  // Runs a shell script and throws, with its output, unless it exits 0; returns its stdout.
  async run(script: string, options: ExecOptions = {}): Promise<string> {
    const result = await this.exec(script, options);
    if (result.exitCode !== 0) {
      throw new HarnessError(
        `in ${this.name} (${this.row.id}): \`${script}\` exited with ${result.exitCode}` +
          `${result.exitCode === 124 ? ' (timed out)' : ''}\nstdout: ${result.stdout.trim()}\nstderr: ${result.stderr.trim()}`,
      );
    }
    return result.stdout;
  }

  // Copies a file or folder from the host to `containerPath` (a folder is copied as that path).
  async copyIn(hostPath: string, containerPath: string): Promise<void> {
    const result = await runEngine(this.engine, ['cp', hostPath, `${this.name}:${containerPath}`]);
    if (result.exitCode !== 0) {
      throw new HarnessError(`cannot copy ${hostPath} into ${this.name}:${containerPath}: ${String(result.stderr).trim()}`);
    }
  }

  // Writes `content` to a file in the container through `cat`, so an existing file keeps its owner and mode.
  async writeFile(containerPath: string, content: string): Promise<void> {
    if (containerPath.includes("'")) throw new HarnessError(`writeFile: path must not contain a quote, got ${containerPath}`);
    await this.run(`cat > '${containerPath}'`, { input: content });
  }

  // What /proc/1/comm says: the name of the process running as PID 1.
  async pid1(): Promise<string> {
    return (await this.run('cat /proc/1/comm')).trim();
  }

  // Polls the row's boot check until it passes; prints what it reported (e.g. failed units when degraded).
  async waitUntilBooted(timeoutMs = 90_000): Promise<void> {
    const startedAt = Date.now();
    let last: ExecResult | undefined;
    while (Date.now() - startedAt < timeoutMs) {
      last = await this.exec(this.row.profile.bootCheck, { timeoutMs: 15_000 });
      if (last.exitCode === 0) {
        const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
        logProgress(this.name, `${this.row.profile.init} booted in ${seconds} s`);
        if (last.stdout.trim()) logBlock(`${this.name}: boot check says`, last.stdout);
        return;
      }
      await sleep(500);
    }
    const logs = await runEngine(this.engine, ['logs', '--tail', '50', this.name]);
    throw new HarnessError(
      `${this.row.profile.init} in ${this.name} (${this.row.id}) did not finish booting within ${timeoutMs / 1000} s; ` +
        `last boot check: ${(last?.stdout ?? '').trim()} ${(last?.stderr ?? '').trim()}\n` +
        `container log:\n${String(logs.stdout)}${String(logs.stderr)}`,
    );
  }

  // Runs the row's evidence commands for `service` and returns their output, one section per command.
  async collectEvidence(service: ServiceUnderTest): Promise<string> {
    const sections: string[] = [];
    for (const command of this.row.profile.evidenceCommands(service)) {
      const result = await this.exec(`${command} 2>&1`, { timeoutMs: 20_000 });
      sections.push(`$ ${command}   (exit ${result.exitCode})\n${result.stdout}${result.stderr}`.trimEnd());
    }
    const logs = await runEngine(this.engine, ['logs', '--tail', '30', this.name]);
    sections.push(`$ ${this.engine.name} logs --tail 30 ${this.name}\n${String(logs.stdout)}${String(logs.stderr)}`.trimEnd());
    return sections.join('\n\n');
  }

  // Removes the container (force: it is killed if running). Safe to call twice.
  async remove(): Promise<void> {
    await runEngine(this.engine, ['rm', '--force', this.name], { timeout: 60_000 });
    untrackContainer(this.name);
  }
}

// Starts the row's image detached, named and labelled, in its own network namespace.
export async function startContainer(engine: Engine, row: MatrixRow, image: string): Promise<Container> {
  const name = `reloadkit-test-${row.id}-${process.pid}-${++started}`;
  trackContainer(name, engine);
  const result = await runEngine(engine, [
    'run', '--detach', '--name', name, '--hostname', row.id,
    '--label', `${harnessLabel}.owner=${process.pid}`,
    '--label', `${harnessLabel}.row=${row.id}`,
    // a network namespace of its own (the engine's default bridge), never the host's: sysvinit's halt takes interfaces down
    '--network', 'bridge',
    ...engineRunOptions(engine),
    ...row.profile.runOptions,
    image,
  ]);
  if (result.exitCode !== 0) {
    await runEngine(engine, ['rm', '--force', name]);
    untrackContainer(name);
    throw new HarnessError(`cannot start a container of row ${row.id} from ${image}: ${String(result.stderr).trim()}`);
  }
  logProgress(name, `started from ${image}`);
  return new Container(engine, row, name);
}

// Starts a container, waits until it booted, hands it to `use`, and removes it whatever happens.
export async function withContainer<T>(
  engine: Engine,
  row: MatrixRow,
  image: string,
  use: (container: Container) => Promise<T>,
): Promise<T> {
  const container = await startContainer(engine, row, image);
  try {
    await container.waitUntilBooted();
    return await use(container);
  } finally {
    await container.remove();
  }
}
