// The account a service runs as, in the one form every init file needs it.
import type { ServiceManifest } from '../manifest/index.js';

/** The service's user and group as the manifest gives them, and the `user:group` value init tools take. */
export interface ServiceAccountView {
  /** Undefined: the service runs as root. */
  user: string | undefined;
  /** Undefined: the user's primary group (or root's, without a user). */
  group: string | undefined;
  /**
   * `user:group`, or `user` alone without a group; undefined without a user. The one value for
   * start-stop-daemon --chuid, checkpath --owner and chpst -u.
   */
  userGroup: string | undefined;
}

/** The service's account. */
export function serviceAccount(service: ServiceManifest): ServiceAccountView {
  return {
    user: service.user,
    group: service.group,
    userGroup: service.user && (service.group ? `${service.user}:${service.group}` : service.user),
  };
}
