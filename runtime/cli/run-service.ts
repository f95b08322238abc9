// runService: the whole command line of a service built on the runtime (run, reload, check-config, status).
import { toService } from '../create-runtime.js';
import type { Service, ServiceDefinition } from '../define-service.js';
import { parseCommandLine, UsageError, type ParsedCommand } from './arguments.js';
import { runCheckConfigCommand } from './check-config.js';
import { runReloadCommand, runStatusCommand, type Output } from './client-commands.js';
import { EXIT } from './exit-codes.js';
import { exitProcess } from './exit-process.js';
import { runForeground } from './run-foreground.js';
import { formatUsage } from './usage.js';
import { RUNTIME_VERSION } from '../version.js';

/** Version printed by `--version` when the service gives none (generated from package.json). */
export { RUNTIME_VERSION } from '../version.js';

/** Extra settings of the command line. */
export interface RunServiceOptions {
  /** Printed by --version; default: the runtime's version. */
  version?: string;
}

/** Runs the command in `argv` and exits the process with its exit code. */
export async function runService(definition: Service | ServiceDefinition, argv: readonly string[], options: RunServiceOptions = {}): Promise<never> {
  const code = await runCommand(toService(definition), argv, options, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
  // Let stdout/stderr drain before exiting: a pipe would otherwise lose the last lines.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  exitProcess(code, definition.name);
}

/** Runs the command in `argv` and returns its exit code (does not exit; used by runService and tests). */
export async function runCommand(service: Service, argv: readonly string[], options: RunServiceOptions, io: Output): Promise<number> {
  let command: ParsedCommand;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${service.name}: ${error.message}\nTry '${service.name} --help'.\n`);
    return EXIT.usage;
  }
  switch (command.name) {
    case 'help':
      io.out(formatUsage(service.name, service.defaultConfigFiles ?? []));
      return EXIT.ok;
    case 'version':
      io.out(`${service.name} ${options.version ?? RUNTIME_VERSION}\n`);
      return EXIT.ok;
    case 'check-config':
      return runCheckConfigCommand(service, command, io);
    case 'reload':
      return runReloadCommand(service, command, io);
    case 'status':
      return runStatusCommand(service, command, io);
    case 'run':
      return runForeground(service, command);
  }
}
