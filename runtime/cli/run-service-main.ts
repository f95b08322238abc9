// runServiceMain: a service's entry point whose `reload` and `status` run without importing the service.
// Those two only talk to the control socket, so they skip loading drivers, HTTP and options: a reload
// client an init system runs then costs little more than Node's own start-up.
import type { Service, ServiceDefinition } from '../define-service.js';
import { parseCommandLine } from './arguments.js';
import { runReloadCommand, runStatusCommand, type Output } from './client-commands.js';
import { exitProcess } from './exit-process.js';

/** What the entry point knows without importing the service, and how to import it. */
export interface ServiceMain {
  /** The service's name; must equal the loaded service's (checked when it is loaded). */
  name: string;
  /** The service's defaultConfigFiles; must equal the loaded service's (checked when it is loaded). */
  defaultConfigFiles?: readonly string[];
  /** Imports the service, e.g. `async () => (await import('./service.js')).volumeService`. */
  load: () => Promise<Service | ServiceDefinition>;
  /** Printed by --version (see RunServiceOptions). */
  version?: string;
}

/** Runs `reload`/`status` without loading the service; any other command loads it and runs runService. */
export async function runServiceMain(main: ServiceMain, argv: readonly string[]): Promise<never> {
  const code = await runClientCommand(main, argv, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
  if (code !== undefined) {
    // Let stdout/stderr drain before exiting: a pipe would otherwise lose the last lines.
    await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
    exitProcess(code, main.name);
  }
  const [service, { runService }] = await Promise.all([loadService(main), import('./run-service.js')]);
  return runService(service, argv, { version: main.version });
}

/** Runs `reload` or `status` and returns the exit code; undefined for every other command line (usage errors too). */
export async function runClientCommand(main: Omit<ServiceMain, 'load'>, argv: readonly string[], io: Output): Promise<number | undefined> {
  let command: ReturnType<typeof parseCommandLine>;
  try {
    command = parseCommandLine(argv);
  } catch {
    return undefined; // runService reports it, with the same message and exit code as always
  }
  if (command.name === 'reload') return runReloadCommand(main, command, io);
  if (command.name === 'status') return runStatusCommand(main, command, io);
  return undefined;
}

/** Imports the service and checks that the entry point described it truthfully. */
export async function loadService(main: ServiceMain): Promise<Service | ServiceDefinition> {
  const service = await main.load();
  const expected = JSON.stringify({ name: main.name, defaultConfigFiles: main.defaultConfigFiles ?? [] });
  const actual = JSON.stringify({ name: service.name, defaultConfigFiles: service.defaultConfigFiles ?? [] });
  if (expected !== actual) {
    throw new Error(`runServiceMain: the entry point describes the service as ${expected} but the loaded service is ${actual}; `
      + 'reload and status would look for the wrong control socket');
  }
  return service;
}
