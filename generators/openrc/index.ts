// Target `openrc`: a runscript (etc/init.d/<service>) and its settings (etc/conf.d/<service>) per service.
import type { Manifest, ServiceManifest } from '../manifest/index.js';
import { PROCESS_NAME_LENGTH } from '../manifest/index.js';
import { buildInitContractView, hardDependencies, type InitContractView } from '../init-contract/index.js';
import { toOpenrcDependencies } from '../render/dependencies.js';
import { renderTemplate } from '../render/handlebars.js';
import type { GeneratedFile, Target } from '../target.js';

/** Everything templates/openrc/{init-script,conf-d}.hbs fill in (the shared partials read the InitContractView part). */
export interface RunscriptView extends InitContractView {
  name: string;
  description: string;
  exec: string;
  args: string[];
  processName: string;
  workingDirectory: string | undefined;
  stopTimeout: number;
  /** start-stop-daemon --retry schedule; conf.d's STOP_TIMEOUT overrides the manifest's stop_timeout. */
  retry: string;
  drainTimeout: number;
  reloadTimeout: number;
  /** OpenRC `need`, `use` and `after` service names. */
  need: string[];
  use: string[];
  after: string[];
  environmentFile: string | undefined;
}

/** Prepares the runscript's and conf.d file's values for `service`. */
export function buildRunscriptView(service: ServiceManifest): RunscriptView {
  const need = toOpenrcDependencies(hardDependencies(service));
  return {
    name: service.name,
    description: service.description,
    exec: service.exec,
    args: service.args,
    processName: service.name.slice(0, PROCESS_NAME_LENGTH),
    workingDirectory: service.working_directory,
    stopTimeout: service.stop_timeout,
    // conf.d may override the timeouts; the manifest's values are the defaults.
    retry: `"TERM/\${STOP_TIMEOUT:-${service.stop_timeout}}/KILL/5"`,
    drainTimeout: service.drain_timeout,
    reloadTimeout: service.reload.timeout,
    need,
    use: toOpenrcDependencies(service.wants).filter((name) => !need.includes(name)),
    after: toOpenrcDependencies(service.after).filter((name) => !need.includes(name)),
    environmentFile: service.environment_file,
    ...buildInitContractView(service, {
      tool: 'checkpath',
      onFailure: 'return 1',
      seconds: `"\${RELOAD_TIMEOUT:-${service.reload.timeout}}"`,
    }),
  };
}

/** Generates OpenRC runscripts with a `reload` command that runs the synchronous reload client. */
export const openrcTarget: Target = {
  name: 'openrc',
  description: 'OpenRC runscripts and conf.d files (reload runs the synchronous reload client)',
  kind: 'init',
  shell: 'files',
  installsUnder: ['etc/init.d/', 'etc/conf.d/'],
  packaged: 'not-shipped',
  generate(manifest: Manifest): GeneratedFile[] {
    return manifest.services.flatMap((service) => {
      const view = buildRunscriptView(service);
      return [
        { path: `etc/init.d/${service.name}`, mode: 0o755, content: renderTemplate('openrc/init-script.hbs', view) },
        { path: `etc/conf.d/${service.name}`, mode: 0o644, content: renderTemplate('openrc/conf-d.hbs', view) },
      ];
    });
  },
};
