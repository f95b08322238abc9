// The three calls a rollout makes to a service's own command line, derived from the manifest's reload
// commands: check-config on a staged file, the synchronous reload that waits for the drain, and status.
import type { ServiceManifest } from '../manifest/index.js';

/** The argument vectors a rollout runs on a host for one service. */
export interface RolloutCommands {
  /** reload.check_command as written; the role replaces the live file's path with the staged one. */
  check: string[];
  /** reload.command with `--wait-drained` (and `--timeout`, when it has none): exits with the reload's outcome. */
  reload: string[];
  /** `<program> status` with the reload command's configuration arguments (they locate the control socket). */
  status: string[];
}

/** Seconds `status` may take before the health gate counts the host as not ready. */
export const STATUS_TIMEOUT_SECONDS = 10;

/** Arguments of the reload client that only `reload` takes, each with whether a value follows. */
const RELOAD_ONLY_OPTIONS = new Map([['--timeout', true], ['--wait-drained', false]]);

/** Where `reload` stands in the service's reload command; an error naming the field when it is missing. */
function reloadWordIndex(service: ServiceManifest, index: number): number {
  const at = service.reload.command.indexOf('reload', 1);
  if (at < 0) {
    throw new Error(
      `services[${index}].reload.command: expected the service's synchronous client ([program, reload, …]) for the ansible target, ` +
        `got ${JSON.stringify(service.reload.command)}`,
    );
  }
  return at;
}

/** What a rollout runs for `service` (the `index`-th in the manifest). */
export function buildRolloutCommands(service: ServiceManifest, index: number): RolloutCommands {
  const command = service.reload.command;
  const at = reloadWordIndex(service, index);
  const hasTimeout = command.some((arg) => arg === '--timeout' || arg.startsWith('--timeout='));
  const reload = [
    ...command,
    ...(command.includes('--wait-drained') ? [] : ['--wait-drained']),
    ...(hasTimeout ? [] : ['--timeout', String(service.reload.timeout)]),
  ];
  const status: string[] = [...command.slice(0, at), 'status'];
  for (let i = at + 1; i < command.length; i++) {
    const arg = command[i] ?? '';
    const name = arg.split('=')[0] ?? '';
    const takesValue = RELOAD_ONLY_OPTIONS.get(name);
    if (takesValue === undefined) status.push(arg);
    else if (takesValue && !arg.includes('=')) i += 1;
  }
  status.push('--timeout', String(STATUS_TIMEOUT_SECONDS));
  return { check: service.reload.check_command, reload, status };
}
