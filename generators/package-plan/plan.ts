// What a binary package must do around its services, independent of the package format (deb or rpm).
import { resolveConfigFileAttributes, type Manifest, type ServiceManifest } from '../manifest/index.js';
import { serviceDirectoryMode } from '../service-directories.js';

/** The init-system action a maintainer script takes for a service: `start` does nothing to a running one. */
export type ServiceAction = 'start' | 'restart' | 'reload';

/** One service the package ships a systemd unit and a SysV init script for. */
export interface PackagedService {
  /** Init script name; the unit is `<name>.service`. */
  name: string;
  /** What an upgrade that changed code (any non-conffile, non-doc file) does. */
  onUpgrade: ServiceAction;
  /** What an upgrade that changed only conffiles does. */
  onConffileOnlyUpgrade: ServiceAction;
}

/** A system account to create before any service starts (never removed: Debian policy and Fedora's agree). */
export interface SystemAccount {
  user: string;
  /** Primary group, created first when missing. */
  group: string;
  home: string;
}

/** A directory the package creates and owns, handed to the service account, removed on purge. */
export interface OwnedDirectory {
  path: string;
  owner: string;
  group: string;
  /** Octal text, e.g. `0750`. */
  mode: string;
}

/** A configuration file the package ships and hands to an account: `chown`/`chmod` on Debian, `%attr` on RPM. */
export interface OwnedConfigFile {
  path: string;
  owner: string;
  group: string;
  /** Octal text, e.g. `0640`. */
  mode: string;
}

/** Everything the maintainer scripts of one binary package need to know. */
export interface PackagePlan {
  /** Binary package name. */
  name: string;
  services: PackagedService[];
  accounts: SystemAccount[];
  directories: OwnedDirectory[];
  /** Config files whose owner, group or mode the manifest sets (bare paths are shipped as they are). */
  configFiles: OwnedConfigFile[];
}

/** `restart | reload | none` from the manifest → the action; `none` still starts a stopped service. */
export function toServiceAction(policy: 'restart' | 'reload' | 'none'): ServiceAction {
  return policy === 'none' ? 'start' : policy;
}

/** The plan of one package that ships every service of the manifest, with their accounts and directories. */
export function planPackage(manifest: Manifest): PackagePlan {
  return {
    name: manifest.package.name,
    services: manifest.services.map(planService),
    accounts: planAccounts(manifest.services),
    directories: planDirectories(manifest.services),
    configFiles: planConfigFiles(manifest.services),
  };
}

/** The part of the plan one service contributes (for packages that ship some services only). */
export function planService(service: ServiceManifest): PackagedService {
  return {
    name: service.name,
    onUpgrade: toServiceAction(service.on_upgrade),
    onConffileOnlyUpgrade: toServiceAction(service.on_conffile_change),
  };
}

/** Accounts every system already has: never created, never declared in sysusers.d. */
export const PREEXISTING_ACCOUNTS: readonly string[] = ['root', 'nobody'];

/** One account per distinct user; a user named by two services with different groups is an error. */
export function planAccounts(services: readonly ServiceManifest[]): SystemAccount[] {
  const accounts = new Map<string, SystemAccount & { by: string }>();
  for (const service of services) {
    if (service.user === undefined || PREEXISTING_ACCOUNTS.includes(service.user)) continue;
    const group = service.group ?? service.user;
    const home = service.state_directory === undefined ? '/nonexistent' : `/var/lib/${service.state_directory}`;
    const known = accounts.get(service.user);
    if (known === undefined) {
      accounts.set(service.user, { user: service.user, group, home, by: service.name });
    } else if (known.group !== group) {
      throw new Error(
        `service ${service.name}: group: expected ${JSON.stringify(known.group)} (the primary group service ${known.by} gives user ${JSON.stringify(service.user)}), got ${JSON.stringify(group)}`,
      );
    }
  }
  return [...accounts.values()].map(({ user, group, home }) => ({ user, group, home }));
}

/** The state (/var/lib) and log (/var/log) directories of the services, each once, mode 0750. */
export function planDirectories(services: readonly ServiceManifest[]): OwnedDirectory[] {
  const directories = new Map<string, OwnedDirectory>();
  for (const service of services) {
    const owner = service.user ?? 'root';
    const group = service.group ?? (service.user === undefined ? 'root' : service.user);
    for (const path of [
      service.state_directory === undefined ? undefined : `/var/lib/${service.state_directory}`,
      service.logs_directory === undefined ? undefined : `/var/log/${service.logs_directory}`,
    ]) {
      if (path !== undefined && !directories.has(path)) directories.set(path, { path, owner, group, mode: serviceDirectoryMode });
    }
  }
  return [...directories.values()];
}

/** Config files with an owner, group or mode, each once (the manifest's checks ensure services agree on them). */
export function planConfigFiles(services: readonly ServiceManifest[]): OwnedConfigFile[] {
  const files = new Map<string, OwnedConfigFile>();
  for (const service of services) {
    for (const file of service.config_files) {
      const attributes = resolveConfigFileAttributes(service, file);
      if (attributes !== undefined && !files.has(file.path)) files.set(file.path, { path: file.path, ...attributes });
    }
  }
  return [...files.values()];
}

/** The plan of a common package: the accounts, directories and config files of every service, no service of its own. */
export function planCommonPackage(manifest: Manifest, packageName: string): PackagePlan {
  return {
    name: packageName,
    services: [],
    accounts: planAccounts(manifest.services),
    directories: planDirectories(manifest.services),
    configFiles: planConfigFiles(manifest.services),
  };
}

/** The plan of a package that ships one service (named after it) and relies on a common package for the rest. */
export function planServicePackage(service: ServiceManifest): PackagePlan {
  return { name: service.name, services: [planService(service)], accounts: [], directories: [], configFiles: [] };
}
