// What planning a binary package needs to know about its format, kept inside each packager (nfpm's promise).
import type { PackageGeneratedFiles } from './layout/generated-inputs.js';
import type { Dependency, PackageSpec } from './package-spec.js';

/** The package's role in the split: the common package (code, config, accounts) or one service's. */
export type PackageRole = 'common' | 'service';

/** A format's relations beyond nodejs and the exact common package. */
export interface FormatRelations {
  depends: Dependency[];
  /** Undefined: the format has no pre-dependencies. */
  preDepends?: Dependency[];
}

/** The format-specific steps of packaging/layout/plan-packages.ts. */
export interface FormatPlanning {
  /** Where a generated file (relative, e.g. `lib/systemd/system/x.service`) is installed; undefined: not shipped. */
  installedPath(path: string): string | undefined;
  relations(generated: PackageGeneratedFiles, role: PackageRole): FormatRelations;
  /** Last step on a planned package, once its files are known; absent: the spec as planned. */
  complete?(spec: PackageSpec, generated: PackageGeneratedFiles): PackageSpec;
}

/** The generated path as an absolute one: `lib/x` → `/lib/x`. */
export function absoluteInstalledPath(path: string): string {
  return `/${path.replace(/^\/+/, '')}`;
}
