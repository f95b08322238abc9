// Target `runit`: a service directory per service (run, control/h for reload, log/run), under etc/sv/.
import type { Manifest, ServiceManifest } from '../manifest/index.js';
import { buildInitContractView, type InitContractView } from '../init-contract/index.js';
import { renderTemplate } from '../render/handlebars.js';
import type { GeneratedFile, Target } from '../target.js';

/** Everything templates/runit/*.hbs fill in (the shared partials read the InitContractView part). */
export interface ServiceDirectoryView extends InitContractView {
  name: string;
  /** The service's program and arguments, exec'd by `run`. */
  command: string[];
  environmentFile: string | undefined;
  workingDirectory: string | undefined;
  /** Where log/run's svlogd writes. */
  logDirectory: string;
}

/** Prepares the values of `service`'s runit service directory. */
export function buildServiceDirectoryView(service: ServiceManifest): ServiceDirectoryView {
  return {
    name: service.name,
    command: [service.exec, ...service.args],
    environmentFile: service.environment_file,
    workingDirectory: service.working_directory,
    logDirectory: `/var/log/runit/${service.name}`,
    ...buildInitContractView(service, { tool: 'install', onFailure: 'exit 1' }),
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
