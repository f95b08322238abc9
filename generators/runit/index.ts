// Target `runit`: a service directory per service (run, control/h for reload, log/run), under etc/sv/.
import type { Manifest, ServiceManifest } from '../manifest/index.js';
import { renderTemplate } from '../render/handlebars.js';
import { listServiceDirectories, serviceDirectoryMode } from '../service-directories.js';
import type { GeneratedFile, Target } from '../target.js';

function buildServiceDirectoryView(service: ServiceManifest) {
  return {
    name: service.name,
    command: [service.exec, ...service.args],
    chpstUser: service.user && (service.group ? `${service.user}:${service.group}` : service.user),
    user: service.user,
    group: service.group,
    environmentFile: service.environment_file,
    workingDirectory: service.working_directory,
    directories: listServiceDirectories(service),
    directoryMode: serviceDirectoryMode,
    reloadTimeout: service.reload.timeout,
    reloadCommand: service.reload.command,
    logDirectory: `/var/log/runit/${service.name}`,
  };
}

/** Generates runit service directories whose `sv reload` runs the synchronous reload client. */
export const runitTarget: Target = {
  name: 'runit',
  description: 'runit service directories (run, log/run, control/h running the synchronous reload client)',
  kind: 'init',
  shell: 'files',
  installsUnder: ['etc/sv/'],
  packaged: 'not-shipped',
  generate(manifest: Manifest): GeneratedFile[] {
    return manifest.services.flatMap((service) => {
      const view = buildServiceDirectoryView(service);
      const root = `etc/sv/${service.name}`;
      return [
        { path: `${root}/run`, mode: 0o755, content: renderTemplate('runit/run.hbs', view) },
        { path: `${root}/control/h`, mode: 0o755, content: renderTemplate('runit/control-h.hbs', view) },
        { path: `${root}/log/run`, mode: 0o755, content: renderTemplate('runit/log-run.hbs', view) },
      ];
    });
  },
};
