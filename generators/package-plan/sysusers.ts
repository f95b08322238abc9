// The sysusers.d(5) file that declares a package's system accounts, shipped by both the deb and the rpm.
import type { SystemAccount } from './plan.js';

/** Where the file is installed (relative, no leading slash). */
export function sysusersPath(packageName: string): string {
  return `usr/lib/sysusers.d/${packageName}.conf`;
}

/** `g <group> -` then `u <user> -:<group> "<user> service account" <home> /usr/sbin/nologin`, per account. */
export function renderSysusersConf(packageName: string, accounts: readonly SystemAccount[]): string {
  const lines = [`# System accounts of ${packageName}: created by its maintainer scripts, never removed.`];
  const groups = new Set<string>();
  for (const account of accounts) {
    if (!groups.has(account.group)) {
      groups.add(account.group);
      lines.push(`g ${account.group} -`);
    }
    lines.push(`u ${account.user} -:${account.group} "${account.user} service account" ${account.home} /usr/sbin/nologin`);
  }
  return `${lines.join('\n')}\n`;
}
