// Builds the view of one LSB init script: names, paths, dependencies and the reload client's command line.
import { PROCESS_NAME_LENGTH, type ServiceManifest } from '../manifest/index.js';
import { buildInitContractView, hardDependencies, type InitContractView } from '../init-contract/index.js';
import { toLsbDependencies } from '../render/dependencies.js';

/** Everything templates/sysv/init-script.hbs fills in (the shared partials read the InitContractView part). */
export interface InitScriptView extends InitContractView {
  name: string;
  description: string;
  exec: string;
  args: string[];
  pidFile: string;
  processName: string;
  requiredStart: string[];
  shouldStart: string[];
  environmentFile: string | undefined;
  workingDirectory: string | undefined;
  stopTimeout: number;
  reloadTimeout: number;
}

/** Prepares the init script's values for `service`. */
export function buildInitScriptView(service: ServiceManifest): InitScriptView {
  const requiredStart = ['$remote_fs', '$syslog', ...toLsbDependencies(hardDependencies(service))];
  const soft = toLsbDependencies([...service.after, ...service.wants]).filter((name) => !requiredStart.includes(name));
  return {
    name: service.name,
    description: service.description,
    exec: service.exec,
    args: service.args,
    pidFile: `/run/${service.name}.pid`,
    processName: service.name.slice(0, PROCESS_NAME_LENGTH),
    requiredStart: [...new Set(requiredStart)],
    shouldStart: soft,
    environmentFile: service.environment_file,
    workingDirectory: service.working_directory,
    stopTimeout: service.stop_timeout,
    reloadTimeout: service.reload.timeout,
    // The reload client runs as the service's account (runuser), so it reaches the socket the service owns.
    ...buildInitContractView(service, { tool: 'install', onFailure: 'return 1', seconds: '"$RELOAD_TIMEOUT"', reloadAsServiceAccount: true }),
  };
}
