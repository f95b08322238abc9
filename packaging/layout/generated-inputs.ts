// The generator's output, sorted by the package that ships it: installed files and maintainer scripts.
import type { GeneratedFile } from '../../generators/target.js';
import type { DebScripts, RpmScripts } from '../package-spec.js';

/** What the generator produced for one binary package. */
export interface PackageGeneratedFiles {
  /** Files installed on the system: systemd units, SysV init scripts, logrotate snippets. */
  installed: GeneratedFile[];
  debScripts: DebScripts;
  rpmScripts: RpmScripts;
}

/** Generator output per binary package name (the common package and one per service). */
export type GeneratedInputs = Map<string, PackageGeneratedFiles>;

/** An empty record for a package the generator produced nothing for. */
export function emptyGeneratedFiles(): PackageGeneratedFiles {
  return { installed: [], debScripts: {}, rpmScripts: {} };
}
