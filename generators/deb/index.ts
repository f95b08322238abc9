// The deb target: maintainer scripts (debhelper compat 13 equivalent, plus reload on upgrade) and sysusers.d.
import type { GeneratedFile, Target } from '../target.js';
import { planPackage, type PackagePlan } from '../package-plan/plan.js';
import { renderSysusersConf, sysusersPath } from '../package-plan/sysusers.js';
import { renderMaintainerScripts } from './maintainer-scripts.js';

export { renderMaintainerScripts, assembleMaintainerScript } from './maintainer-scripts.js';
export { SNIPPET_START, SNIPPET_END } from '../package-plan/snippet-markers.js';
export { debRelations, type DebRelations } from './dependencies.js';

/** Everything the plan's package needs from reloadkit: the maintainer scripts and, with accounts, sysusers.d. */
export function renderDebPackageFiles(plan: PackagePlan): GeneratedFile[] {
  const files = renderMaintainerScripts(plan);
  if (plan.accounts.length > 0) {
    files.push({ path: sysusersPath(plan.name), mode: 0o644, content: renderSysusersConf(plan.name, plan.accounts) });
  }
  return files;
}

/** `deb`: DEBIAN/preinst, postinst, prerm, postrm for every service of the manifest, and its accounts file. */
export const debTarget: Target = {
  name: 'deb',
  description: 'Debian maintainer scripts (enable, start, reload or restart on upgrade, stop, purge) and sysusers.d',
  kind: 'package',
  shell: 'none',
  installsUnder: ['DEBIAN/', 'usr/lib/sysusers.d/'],
  packaged: 'per-package',
  generate(manifest) {
    return renderDebPackageFiles(planPackage(manifest));
  },
};
