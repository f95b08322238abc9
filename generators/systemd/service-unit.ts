// Builds the view of one systemd service unit: reload protocol by systemd version, timeouts, hardening.
import type { ServiceManifest } from '../manifest/index.js';
import { DEFAULT_ADDRESS_FAMILIES } from '../manifest/sandbox.js';
import { listServiceDirectories, serviceDirectoryMode } from '../service-directories.js';

/** The first systemd release with Type=notify-reload. */
export const NOTIFY_RELOAD_SINCE = 253;

/** Everything templates/systemd/service.hbs fills in. */
export interface ServiceUnitView {
  description: string;
  documentation: string | undefined;
  after: string[];
  wants: string[];
  requires: string[];
  notifyReload: boolean;
  reloadSignal: string;
  notifyAccess: string;
  execStart: string[];
  execReload: string[];
  user: string | undefined;
  group: string | undefined;
  environmentFile: string | undefined;
  workingDirectory: string | undefined;
  runtimeDirectory: string | undefined;
  /** Mode of the runtime, state and logs directories. */
  directoryMode: string;
  stateDirectory: string | undefined;
  logsDirectory: string | undefined;
  readWritePaths: string[];
  /** sandbox.capabilities: the bounding and ambient sets (empty: none at all). */
  capabilities: string[];
  /** RestrictAddressFamilies=: the default families and sandbox.address_families. */
  addressFamilies: string[];
  /** LimitNOFILE=, when sandbox.limit_nofile sets it. */
  limitNofile: number | undefined;
  timeoutStartSec: number;
  timeoutStopSec: number;
  restart: string;
}

/** Chooses the unit's settings for `service` on systemd `systemdVersion`. */
export function buildServiceUnitView(
  service: ServiceManifest,
  homepage: string | undefined,
  systemdVersion: number,
): ServiceUnitView {
  const notifyReload = systemdVersion >= NOTIFY_RELOAD_SINCE;
  return {
    description: service.description,
    documentation: homepage,
    after: service.after,
    wants: service.wants,
    requires: service.requires,
    notifyReload,
    reloadSignal: service.reload.signal,
    notifyAccess: service.notify_access,
    execStart: [service.exec, ...service.args],
    // >= 253: systemd signals the service only after the check passed; 252: the client waits for the outcome.
    execReload: notifyReload ? service.reload.check_command : service.reload.command,
    user: service.user,
    group: service.group,
    environmentFile: service.environment_file,
    workingDirectory: service.working_directory,
    runtimeDirectory: service.runtime_directory,
    directoryMode: serviceDirectoryMode,
    stateDirectory: service.state_directory,
    logsDirectory: service.logs_directory,
    readWritePaths: [...writablePathsOutsideManagedDirectories(service), ...service.sandbox.writable_paths],
    capabilities: service.sandbox.capabilities,
    addressFamilies: [...DEFAULT_ADDRESS_FAMILIES, ...service.sandbox.address_families],
    limitNofile: service.sandbox.limit_nofile,
    // systemd times ExecReload= with TimeoutStartSec=, so it must cover a whole reload including its drain.
    timeoutStartSec: service.reload.timeout,
    timeoutStopSec: service.stop_timeout,
    restart: service.restart,
  };
}

/** ProtectSystem=strict makes / read-only; the working directory stays writable unless systemd manages it. */
function writablePathsOutsideManagedDirectories(service: ServiceManifest): string[] {
  const managed = listServiceDirectories(service);
  const directory = service.working_directory;
  if (!directory) return [];
  const covered = managed.some((root) => directory === root || directory.startsWith(`${root}/`));
  return covered ? [] : [directory];
}
