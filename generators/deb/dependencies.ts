// The control-file relations the maintainer scripts need, as debhelper's ${misc:Pre-Depends}/${misc:Depends} add them.
import type { PackagePlan } from '../package-plan/plan.js';

/** Relations, each one Debian relation string such as `init-system-helpers (>= 1.54~)`. */
export interface DebRelations {
  preDepends: string[];
  depends: string[];
}

/**
 * `invoke-rc.d --skip-systemd-native` needs init-system-helpers 1.54 before the scripts run (Pre-Depends, as
 * lintian's skip-systemd-native-flag-missing-pre-depends asks); the account fallback needs adduser.
 */
export function debRelations(plan: PackagePlan): DebRelations {
  return {
    preDepends: plan.services.length > 0 ? ['init-system-helpers (>= 1.54~)'] : [],
    depends: plan.accounts.length > 0 ? ['adduser'] : [],
  };
}
