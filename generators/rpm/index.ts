// The rpm target: scriptlets equivalent to %systemd_post/_preun/_postun_with_restart/_with_reload, and sysusers.d.
import type { Target } from '../target.js';
import { planPackage } from '../package-plan/plan.js';
import { renderSysusersConf, sysusersPath } from '../package-plan/sysusers.js';
import { renderSpecFragment } from './spec-fragment.js';

export {
  renderRpmScriptlets,
  requiredByScriptlets,
  RPM_STATE_DIRECTORY,
  CODE_DIGEST_DIRECTORY,
  type RpmScriptlets,
  type RpmScriptletOptions,
} from './scriptlets.js';
export { renderSpecFragment, renderSpecSections, escapeSpecMacros, CODE_DIGEST_MACRO } from './spec-fragment.js';
export { computeCodeDigest } from '../package-plan/code-digest.js';

/** `rpm`: SPECS/<package>-scriptlets.inc (for %include) and the package's sysusers.d file. */
export const rpmTarget: Target = {
  name: 'rpm',
  description: 'RPM spec scriptlets (preset, stop on erase only, reload or restart on upgrade) and sysusers.d',
  kind: 'package',
  shell: 'none',
  installsUnder: ['SPECS/', 'usr/lib/sysusers.d/'],
  packaged: 'per-package',
  generate(manifest) {
    const plan = planPackage(manifest);
    const files = [
      {
        path: `SPECS/${plan.name}-scriptlets.inc`,
        mode: 0o644,
        content: renderSpecFragment(plan),
      },
    ];
    if (plan.accounts.length > 0) {
      files.push({ path: sysusersPath(plan.name), mode: 0o644, content: renderSysusersConf(plan.name, plan.accounts) });
    }
    return files;
  },
};
