// Target `s6`: an s6 service directory per service (run, finish, notification-fd readiness, type, log/run
// with s6-log), under etc/s6/sv/, and an LSB init script that drives it, so that `service … reload` and
// Debian maintainer scripts reach the supervised service.
import type { Manifest, ServiceManifest } from '../manifest/index.js';
import { buildInitContractView, type InitContractView } from '../init-contract/index.js';
import { renderTemplate } from '../render/handlebars.js';
import type { GeneratedFile, Target } from '../target.js';

/** The descriptor s6-supervise gives the service for its readiness newline (notification-fd). */
export const S6_NOTIFICATION_FD = 3;

/** The scan directory the LSB script addresses the service in, unless S6_SCANDIR says otherwise (s6-overlay's). */
export const S6_DEFAULT_SCANDIR = '/run/service';

/** Everything templates/s6/*.hbs fill in (the shared partials read the InitContractView part). */
export interface S6ServiceDirectoryView extends InitContractView {
  name: string;
  description: string;
  /** The service's program and arguments, exec'd by `run`. */
  command: string[];
  environmentFile: string | undefined;
  workingDirectory: string | undefined;
  /** Where log/run's s6-log writes. */
  logDirectory: string;
  notificationFd: number;
  defaultScandir: string;
  /** Milliseconds s6-supervise waits after SIGTERM before SIGKILL (stop_timeout). */
  stopTimeoutMs: number;
  /** Milliseconds the LSB script waits for the service to be up and ready, or down. */
  waitMs: number;
  reloadTimeout: number;
}

/** Prepares the values of `service`'s s6 service directory. */
export function buildS6ServiceDirectoryView(service: ServiceManifest): S6ServiceDirectoryView {
  return {
    name: service.name,
    description: service.description,
    command: [service.exec, ...service.args],
    environmentFile: service.environment_file,
    workingDirectory: service.working_directory,
    logDirectory: `/var/log/s6/${service.name}`,
    notificationFd: S6_NOTIFICATION_FD,
    defaultScandir: S6_DEFAULT_SCANDIR,
    stopTimeoutMs: service.stop_timeout * 1000,
    waitMs: (service.stop_timeout + 5) * 1000,
    reloadTimeout: service.reload.timeout,
    ...buildInitContractView(service, { tool: 'install', onFailure: 'exit 1', seconds: '"$RELOAD_TIMEOUT"' }),
  };
}

/** Generates s6 service directories that announce readiness on notification-fd, and their LSB scripts. */
export const s6Target: Target = {
  name: 's6',
  description: 's6 service directories (run, finish, notification-fd readiness, log/run with s6-log) and an LSB script driving them',
  kind: 'init',
  shell: 'scripts',
  installsUnder: ['etc/s6/sv/', 'etc/init.d/'],
  packaged: 'not-shipped',
  generate(manifest: Manifest): GeneratedFile[] {
    return manifest.services.flatMap((service) => {
      const view = buildS6ServiceDirectoryView(service);
      const root = `etc/s6/sv/${service.name}`;
      return [
        { path: `${root}/type`, mode: 0o644, content: 'longrun\n' },
        { path: `${root}/run`, mode: 0o755, content: renderTemplate('s6/run.hbs', view) },
        { path: `${root}/finish`, mode: 0o755, content: renderTemplate('s6/finish.hbs', view) },
        { path: `${root}/notification-fd`, mode: 0o644, content: `${view.notificationFd}\n` },
        { path: `${root}/timeout-kill`, mode: 0o644, content: `${view.stopTimeoutMs}\n` },
        { path: `${root}/log/run`, mode: 0o755, content: renderTemplate('s6/log-run.hbs', view) },
        { path: `etc/init.d/${service.name}`, mode: 0o755, content: renderTemplate('s6/init-script.hbs', view) },
      ];
    });
  },
};
