// Target `openrc`: a runscript (etc/init.d/<service>) and its settings (etc/conf.d/<service>) per service.
import type { Manifest, ServiceManifest } from '../manifest/index.js';
import { PROCESS_NAME_LENGTH } from '../manifest/index.js';
import { toOpenrcDependencies } from '../render/dependencies.js';
import { renderTemplate } from '../render/handlebars.js';
import { listServiceDirectories, serviceDirectoryMode } from '../service-directories.js';
import type { GeneratedFile, Target } from '../target.js';

function buildRunscriptView(service: ServiceManifest) {
  const need = toOpenrcDependencies([...service.requires, ...service.after.filter((u) => service.wants.includes(u))]);
  return {
    name: service.name,
    description: service.description,
    exec: service.exec,
    args: service.args,
    processName: service.name.slice(0, PROCESS_NAME_LENGTH),
    commandUser: service.user && (service.group ? `${service.user}:${service.group}` : service.user),
    workingDirectory: service.working_directory,
    stopTimeout: service.stop_timeout,
    // conf.d may override the timeouts; the manifest's values are the defaults.
    retry: `"TERM/\${STOP_TIMEOUT:-${service.stop_timeout}}/KILL/5"`,
    reloadTimeoutExpression: `"\${RELOAD_TIMEOUT:-${service.reload.timeout}}"`,
    drainTimeout: service.drain_timeout,
    reloadTimeout: service.reload.timeout,
    reloadCommand: service.reload.command,
    need,
    use: toOpenrcDependencies(service.wants).filter((name) => !need.includes(name)),
    after: toOpenrcDependencies(service.after).filter((name) => !need.includes(name)),
    directories: listServiceDirectories(service),
    directoryMode: serviceDirectoryMode,
    environmentFile: service.environment_file,
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
