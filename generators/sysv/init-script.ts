// Builds the view of one LSB init script: names, paths, dependencies and the reload client's command line.
import { PROCESS_NAME_LENGTH, type ServiceManifest } from '../manifest/index.js';
import { toLsbDependencies } from '../render/dependencies.js';
import { listServiceDirectories, serviceDirectoryMode } from '../service-directories.js';

/** Everything templates/sysv/init-script.hbs fills in. */
export interface InitScriptView {
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
  user: string | undefined;
  group: string | undefined;
  /** start-stop-daemon --chuid value. */
  chuid: string | undefined;
  /** runuser options that run the reload client as the service's account. */
  runAs: string[];
  directories: string[];
  /** Their mode (serviceDirectoryMode). */
  directoryMode: string;
  stopTimeout: number;
  reloadTimeout: number;
  reloadCommand: string[];
}

/** Prepares the init script's values for `service`. */
export function buildInitScriptView(service: ServiceManifest): InitScriptView {
  const hard = [...service.requires, ...service.after.filter((unit) => service.wants.includes(unit))];
  const requiredStart = ['$remote_fs', '$syslog', ...toLsbDependencies(hard)];
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
    user: service.user,
    group: service.group,
    chuid: service.user && (service.group ? `${service.user}:${service.group}` : service.user),
    runAs: service.user ? ['-u', service.user, ...(service.group ? ['-g', service.group] : [])] : [],
    directories: listServiceDirectories(service),
    directoryMode: serviceDirectoryMode,
    stopTimeout: service.stop_timeout,
    reloadTimeout: service.reload.timeout,
    reloadCommand: service.reload.command,
  };
}
