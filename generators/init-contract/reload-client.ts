// How every generated file runs the synchronous reload client: under timeout(1), as one shared partial renders it.
import type { ServiceManifest } from '../manifest/index.js';
import type { ServiceAccountView } from './service-account.js';

/** Seconds timeout(1) waits after its SIGTERM before it kills a reload client that does not end. */
export const RELOAD_CLIENT_KILL_AFTER_SECONDS = 5;

/** What templates/partials/reload-client.hbs runs. */
export interface ReloadClientView {
  /** timeout(1)'s duration as one shell word, e.g. `120`, `"$RELOAD_TIMEOUT"`, `"${RELOAD_TIMEOUT:-120}"`. */
  seconds: string;
  killAfter: number;
  /** runuser options that run the client as the service's account; empty to run it as the caller. */
  runAs: string[];
  command: string[];
}

/** How one file calls the client. */
export interface ReloadClientChoices {
  /** Default: the manifest's reload.timeout. */
  seconds?: string;
  /** Run it as this account through runuser; default: as the caller. */
  runAs?: ServiceAccountView;
}

/** The reload client call of `service`. */
export function buildReloadClientView(service: ServiceManifest, choices: ReloadClientChoices = {}): ReloadClientView {
  const account = choices.runAs;
  return {
    seconds: choices.seconds ?? String(service.reload.timeout),
    killAfter: RELOAD_CLIENT_KILL_AFTER_SECONDS,
    runAs: account?.user ? ['-u', account.user, ...(account.group ? ['-g', account.group] : [])] : [],
    command: service.reload.command,
  };
}
