// What every init file shares, built once: the service account, its directories and the reload client's call.
// templates/partials/ renders these views; each init generator spreads them into its own view.
import type { ServiceManifest } from '../manifest/index.js';
import { listServiceDirectories, serviceDirectoryMode } from '../service-directories.js';
import { buildReloadClientView, type ReloadClientView } from './reload-client.js';
import { serviceAccount, type ServiceAccountView } from './service-account.js';

export { serviceAccount, type ServiceAccountView } from './service-account.js';
export { hardDependencies } from './hard-dependencies.js';
export { buildReloadClientView, RELOAD_CLIENT_KILL_AFTER_SECONDS, type ReloadClientView } from './reload-client.js';

/** What templates/partials/service-directory.hbs creates (one call per path), and how. */
export interface ServiceDirectoriesView {
  paths: string[];
  /** serviceDirectoryMode. */
  mode: string;
  /** `install -d` (sysv, runit) or OpenRC's `checkpath` (which refuses to follow symlinks). */
  tool: 'install' | 'checkpath';
  /** What the script does when one cannot be created, e.g. `return 1` or `exit 1`. */
  onFailure: string;
}

/** The shared part of every init file's view. */
export interface InitContractView {
  account: ServiceAccountView;
  directories: ServiceDirectoriesView;
  reloadClient: ReloadClientView;
}

/** How one init file carries out the contract. */
export interface InitContractChoices {
  tool: ServiceDirectoriesView['tool'];
  onFailure: string;
  /** timeout(1)'s duration as a shell word; default: reload.timeout. */
  seconds?: string;
  /** Run the reload client as the service's account (runuser); default: as the caller. */
  reloadAsServiceAccount?: boolean;
}

/** The shared view of `service` for one init file. */
export function buildInitContractView(service: ServiceManifest, choices: InitContractChoices): InitContractView {
  const account = serviceAccount(service);
  return {
    account,
    directories: { paths: listServiceDirectories(service), mode: serviceDirectoryMode, tool: choices.tool, onFailure: choices.onFailure },
    reloadClient: buildReloadClientView(service, {
      seconds: choices.seconds,
      runAs: choices.reloadAsServiceAccount ? account : undefined,
    }),
  };
}
