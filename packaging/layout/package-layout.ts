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
  description: string;
  /** Directories of compiled JavaScript, relative to the build output, shipped whole (runtime, shared modules). */
  codeDirs: string[];
  /** Files copied from the source tree, e.g. the default configuration. State and log directories come from
   * the manifest's services (state_directory, logs_directory) through the generator's package plan. */
  files: CopiedFile[];
}

/** One service's package: its own code and its main module. */
export interface ServicePackageLayout {
  /** Long description (the summary is the manifest's service description). */
  description: string;
  /** Directories of compiled JavaScript, relative to the build output. */
  codeDirs: string[];
  /** The module `/usr/bin/<service>` runs, relative to the build output. */
  main: string;
}

/** The whole layout of a project's packages. */
export interface PackageLayout {
  /** Source name: changelog and copyright name it. */
  source: string;
  license: string;
  copyright: string;
  section: string;
  /** Where compiled JavaScript is installed, e.g. `/usr/share/cinder` (arch-independent: FHS /usr/share). */
  codeRoot: string;
  common: CommonPackageLayout;
  /** Per service name from the manifest. */
  services: Record<string, ServicePackageLayout>;
}
