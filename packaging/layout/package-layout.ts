// What the manifest does not say about packages: how the project's files are split into binary packages.

/** A file copied from the source tree into a package. */
export interface CopiedFile {
  /** Path relative to the project root, e.g. `examples/cinder/cinder.conf`. */
  from: string;
  /** Absolute installed path. */
  to: string;
  /** Default 0644. A config file whose owner, group or mode the manifest sets takes them from the manifest. */
  mode?: number;
}

/** The package shared by every service: code, configuration, the system account's directories. */
export interface CommonPackageLayout {
  name: string;
  summary: string;
  /** What this package holds: the last paragraph of its long description, after the manifest's package.long_description. */
  contents: string;
  /** Directories of compiled JavaScript, relative to the build output, shipped whole (runtime, shared modules). */
  codeDirs: string[];
  /** Files copied from the source tree, e.g. the default configuration. State and log directories come from
   * the manifest's services (state_directory, logs_directory) through the generator's package plan. */
  files: CopiedFile[];
}

/** One service's package: its own code and its main module (summary and long description: the manifest's service). */
export interface ServicePackageLayout {
  /** Directories of compiled JavaScript, relative to the build output. */
  codeDirs: string[];
  /** The module `/usr/bin/<service>` runs, relative to the build output. */
  main: string;
}

/**
 * The whole layout of a project's packages. Licence, copyright, section and what the software does are the
 * manifest's (package.license, copyright, section, long_description): they do not depend on the split.
 */
export interface PackageLayout {
  /** Source name: changelog and copyright name it. */
  source: string;
  /** Where compiled JavaScript is installed, e.g. `/usr/share/cinder` (arch-independent: FHS /usr/share). */
  codeRoot: string;
  common: CommonPackageLayout;
  /** What each service package holds, per format (RPM packages ship no SysV script): the last paragraph of its long description. */
  serviceContents: Record<string, string>;
  /** Per service name from the manifest. */
  services: Record<string, ServicePackageLayout>;
}
