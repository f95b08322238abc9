// The directories a service owns (runtime, state, logs) and their mode, the same on every target.
import type { ServiceManifest } from './manifest/index.js';

/**
 * Mode of the service's own runtime, state and log directories, on every init system and in the packages:
 * the service's user and group only (the control socket and the logs are not for everyone).
 */
export const serviceDirectoryMode = '0750';

/** Directories systemd would create (RuntimeDirectory= and friends) that an init script must create itself. */
export function listServiceDirectories(service: ServiceManifest): string[] {
  return [
    service.runtime_directory && `/run/${service.runtime_directory}`,
    service.state_directory && `/var/lib/${service.state_directory}`,
    service.logs_directory && `/var/log/${service.logs_directory}`,
  ].filter((path): path is string => Boolean(path));
}
