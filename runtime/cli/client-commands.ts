// `<svc> reload` and `<svc> status`: talk to the running service over its control socket.
import { ControlTimeoutError, ServiceNotRunningError, sendControlRequest } from '../control/client.js';
import type { ParsedCommand } from './arguments.js';
import { locateControlSocket } from './control-socket-path.js';
import { describeOutcome, describeProgress } from '../model/describe-event.js';
import { EXIT } from './exit-codes.js';

/** Where the commands write (process streams by default; tests pass their own). */
export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Asks the running service to reload, prints progress and the outcome; returns the exit code. */
export async function runReloadCommand(service: { name: string; defaultConfigFiles?: readonly string[] }, command: ParsedCommand, io: Output): Promise<number> {
  const path = await locateControlSocket(service.name, command.controlSocket, sourcesOf(service, command));
  try {
    io.out(`${service.name}: asking the running service to reload (control socket ${path})\n`);
    const result = await sendControlRequest(path, { command: 'reload', waitDrained: command.waitDrained }, {
      timeoutMs: toMilliseconds(command.timeoutSeconds),
      onProgress: (progress) => io.out(`${service.name}: ${progress.event === undefined ? progress.message : describeProgress(progress.event)}\n`),
    });
    if (result.event !== undefined) {
      (result.ok ? io.out : io.err)(`${service.name}: ${describeOutcome(result.event)}\n`);
    } else {
      io.err(`${service.name}: reload failed: ${result.error?.message ?? 'no reason given'}\n`);
    }
    return result.ok ? EXIT.ok : EXIT.failed;
  } catch (error) {
    return reportClientError(service.name, 'reload', error, io, EXIT.reloadNotRunning);
  }
}

/** Prints the running service's status as JSON; returns the exit code. */
export async function runStatusCommand(service: { name: string; defaultConfigFiles?: readonly string[] }, command: ParsedCommand, io: Output): Promise<number> {
  const path = await locateControlSocket(service.name, command.controlSocket, sourcesOf(service, command));
  try {
    const result = await sendControlRequest(path, { command: 'status' }, { timeoutMs: toMilliseconds(command.timeoutSeconds) });
    if (!result.ok || result.status === undefined) {
      io.err(`${service.name}: status failed: ${result.error?.message ?? 'no status in the answer'}\n`);
      return EXIT.failed;
    }
    io.out(JSON.stringify(result.status, null, 2) + '\n');
    return EXIT.ok;
  } catch (error) {
    return reportClientError(service.name, 'status', error, io, EXIT.statusNotRunning);
  }
}

/** Prints a client error; "not running" gets its own exit code. */
function reportClientError(name: string, what: string, error: unknown, io: Output, notRunningCode: number): number {
  const message = error instanceof Error ? error.message : String(error);
  io.err(`${name}: ${what}: ${message}\n`);
  if (error instanceof ServiceNotRunningError) return notRunningCode;
  if (error instanceof ControlTimeoutError) return EXIT.failed;
  return EXIT.failed;
}

/** The configuration sources named on the command line, with the service's defaults. */
function sourcesOf(service: { defaultConfigFiles?: readonly string[] }, command: ParsedCommand) {
  return { ordered: command.configSources, defaultConfigFiles: service.defaultConfigFiles };
}

/** Seconds to milliseconds, keeping "no limit". */
function toMilliseconds(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : Math.round(seconds * 1000);
}
