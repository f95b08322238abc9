// The contract every package format implements, nfpm style: one packager per format behind one interface.
import type { FormatPlanning } from './format-planning.js';
import type { PackageSpec } from './package-spec.js';

/** Settings shared by every build. */
export interface BuildOptions {
  /** Directory the finished package is written to. */
  outDir: string;
  /** Seconds since the epoch used for every timestamp in the package (reproducible builds). */
  sourceDateEpoch: number;
}

/** A package format: `deb`, `rpm`. Registered in packaging/registry.ts. */
export interface Packager {
  name: string;
  /** What planning its packages needs to know about the format: paths, relations, a last step. */
  planning: FormatPlanning;
  /** The file name the package gets, e.g. `cinder-volume_1.0.0-1_all.deb`. */
  fileName(spec: PackageSpec): string;
  /** Builds the package with the distribution's own tool; resolves with the package's path. */
  build(spec: PackageSpec, options: BuildOptions): Promise<string>;
}
