// A real RabbitMQ node of the test's own (Debian's rabbitmq-server, run directly as the current user, not
// the system service): its own node name, ports, epmd, cookie and mnesia directory under a temp
// directory, listening on 127.0.0.1 only, stopped with its epmd at teardown.
import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from 'tap';
import { freePort, tempDir } from './cinder-processes.js';

/** Debian's rabbitmq-server package installs its real scripts here (/usr/sbin's wrapper switches user). */
const RABBITMQ_BIN = '/usr/lib/rabbitmq/bin';
const EPMD = '/usr/bin/epmd';

/** A running broker. */
export interface RabbitBroker {
  /** AMQP port on 127.0.0.1. */
  port: number;
  /** `rabbit://guest:guest@127.0.0.1:<port>/` */
  transportUrl: string;
  /** Stops the RabbitMQ application (connections close, the port stops listening); the node stays up. */
  stopApp(): Promise<void>;
  /** Starts it again and waits until it accepts connections. */
  startApp(): Promise<void>;
  /** Runs rabbitmqctl against this node and returns its stdout. */
  ctl(args: string[]): Promise<string>;
}

/** Fails naming the missing package when the tools are not installed. */
export function assertRabbitmqInstalled(): void {
  for (const tool of [join(RABBITMQ_BIN, 'rabbitmq-server'), join(RABBITMQ_BIN, 'rabbitmqctl'), EPMD]) {
    if (!existsSync(tool)) throw new Error(`${tool} is missing: install Debian's rabbitmq-server (scripts/install-deps.sh does)`);
  }
}

/** Starts a node and waits for it; it and its epmd are stopped at teardown. */
export async function startRabbitmq(t: Test): Promise<RabbitBroker> {
  assertRabbitmqInstalled();
  const dir = tempDir(t);
  mkdirSync(join(dir, 'log'));
  const [port, distPort, epmdPort] = [await freePort(), await freePort(), await freePort()];
  const node = `reloadkit-test-${process.pid}-${port}@localhost`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: dir, // the Erlang cookie is created here, not in the user's home
    RABBITMQ_NODENAME: node,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(distPort),
    ERL_EPMD_PORT: String(epmdPort),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_LOGS: '-',
    RABBITMQ_PID_FILE: join(dir, 'rabbitmq.pid'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq'),
    RABBITMQ_ADVANCED_CONFIG_FILE: join(dir, 'advanced.config'),
    RABBITMQ_CONF_ENV_FILE: join(dir, 'rabbitmq-env.conf'),
  };
  const server = spawn(join(RABBITMQ_BIN, 'rabbitmq-server'), [], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  server.stdout.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)));
  server.stderr.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-20_000)));
  const exited = new Promise<void>((resolve) => server.on('exit', () => resolve()));

  const ctl = (args: string[]): Promise<string> => new Promise((resolve, reject) => {
    execFile(join(RABBITMQ_BIN, 'rabbitmqctl'), ['-n', node, ...args], { env, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`rabbitmqctl ${args.join(' ')} failed: ${stderr || error.message}\nbroker output:\n${output}`, { cause: error }));
      else resolve(stdout);
    });
  });
  t.teardown(async () => {
    await ctl(['stop']).catch(() => undefined);
    if (server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-server.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await exited;
    await killEpmd(epmdPort, env);
  });

  await waitForNode(ctl, exited, () => output);
  return {
    port,
    transportUrl: `rabbit://guest:guest@127.0.0.1:${port}/`,
    ctl,
    stopApp: async () => {
      await ctl(['stop_app']);
    },
    startApp: async () => {
      await ctl(['start_app']);
      await ctl(['await_startup', '--timeout', '60']);
    },
  };
}

/** `await_startup` fails while the node has not registered with epmd yet: retry it, bounded. */
async function waitForNode(ctl: (args: string[]) => Promise<string>, exited: Promise<void>, output: () => string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      await ctl(['await_startup', '--timeout', '60']);
      return;
    } catch (error) {
      if (gone) throw new Error(`rabbitmq-server exited during start-up:\n${output()}`);
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** Stops the node's epmd; it refuses while a node (a CLI's too) is still registered, so this retries, bounded. */
async function killEpmd(port: number, env: NodeJS.ProcessEnv): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const answer = await new Promise<string>((resolve) => execFile(EPMD, ['-port', String(port), '-kill'], { env }, (_error, stdout) => resolve(stdout)));
    if (/Killed|Cannot connect/i.test(answer)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`epmd on port ${port} refused to stop (nodes still registered): stop it with \`epmd -port ${port} -kill\``);
}
