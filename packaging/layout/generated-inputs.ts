// The generator's output, sorted by the package that ships it: installed files and maintainer scripts.
import type { GeneratedFile } from '../../generators/target.js';
import type { PackagePlan } from '../../generators/package-plan/plan.js';
import type { DebScripts, Dependency } from '../package-spec.js';

/** What the generator produced for one binary package. */
export interface PackageGeneratedFiles {
  /** Files installed on the system: systemd units, SysV init scripts, logrotate snippets. */
  installed: GeneratedFile[];
  debScripts: DebScripts;
  /** What the maintainer scripts need installed first (debhelper's ${misc:Pre-Depends}, ${misc:Depends}). */
  debPreDepends: Dependency[];
  debDepends: Dependency[];
  /** The plan the RPM scriptlets are rendered from, once the package's files (and so its code digest) are known. */
  rpmPlan?: PackagePlan;
}

/** Generator output per binary package name (the common package and one per service). */
export type GeneratedInputs = Map<string, PackageGeneratedFiles>;

/** An empty record for a package the generator produced nothing for. */
export function emptyGeneratedFiles(): PackageGeneratedFiles {
  return { installed: [], debScripts: {}, debPreDepends: [], debDepends: [] };
}
