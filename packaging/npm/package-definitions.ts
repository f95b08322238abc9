// The two npm packages built from this repository: what each holds, where, and what it exports.

/** Files copied into a package: compiled JavaScript with its declarations, or assets as they are. */
export interface PackageTree {
  /** `build`: the `tsc` output (only .js and .d.ts are taken); `repo`: the repository, files as they are. */
  root: 'build' | 'repo';
  /** Folder under root, e.g. `runtime`. */
  from: string;
  /** Folder in the package, e.g. `dist`. */
  to: string;
  /** Paths under `from` left out: a folder ends with `/`, anything else is one file. */
  exclude: readonly string[];
}

/** An entry of the `exports` map: a module path in the package without its extension. */
export interface PackageExport {
  /** `.` or `./name`. */
  subpath: string;
  /** e.g. `dist/index`: the package has `dist/index.js` and `dist/index.d.ts`. */
  module: string;
}

/** A command in `bin`: a small launcher written into the package that imports `module`. */
export interface PackageBin {
  name: string;
  /** e.g. `lib/generators/cli/main`: the compiled module the launcher imports. */
  module: string;
}

/** One npm package. Its dependencies are what its compiled code imports (packaging/npm/bare-imports.ts). */
export interface NpmPackageDefinition {
  name: string;
  description: string;
  keywords: readonly string[];
  /** Its README.md, relative to the repository root. */
  readme: string;
  trees: readonly PackageTree[];
  exports: readonly PackageExport[];
  bins: readonly PackageBin[];
  /** Packages loaded on demand when installed (never imported statically), declared as optional peers. */
  optionalPeers: readonly string[];
  /** Dependencies its code may import; any other import fails the build. */
  allowedDependencies: readonly string[];
}

/** The runtime a service embeds: Node >= 18, no dependencies; the sd_notify addon is used when installed. */
export const runtimePackage: NpmPackageDefinition = {
  name: '@reloadkit/runtime',
  description: 'Make a long-running Node service reloadable in place: drain, re-read and validate, re-initialise, notify',
  keywords: ['reload', 'sighup', 'systemd', 'sd_notify', 'oslo.config', 'graceful'],
  readme: 'packaging/npm/readme/runtime.md',
  trees: [{ root: 'build', from: 'runtime', to: 'dist', exclude: [] }],
  exports: [
    { subpath: '.', module: 'dist/index' },
    { subpath: './run-service-main', module: 'dist/cli/run-service-main' },
  ],
  bins: [],
  optionalPeers: ['unix-dgram'],
  allowedDependencies: [],
};

/** The `reloadkit` command and the generators, templates and packaging it runs. */
export const cliPackage: NpmPackageDefinition = {
  name: 'reloadkit',
  description: 'Generate systemd, SysV, OpenRC, runit and s6 files, deb/rpm scripts and Ansible rolling reloads for reloadable services',
  keywords: ['systemd', 'sysvinit', 'openrc', 'runit', 's6', 'ansible', 'init', 'deb', 'rpm', 'reload'],
  readme: 'packaging/npm/readme/cli.md',
  trees: [
    { root: 'build', from: 'generators', to: 'lib/generators', exclude: [] },
    // The builder of these npm packages (`make npm`) is the repository's own and stays out.
    { root: 'build', from: 'packaging', to: 'lib/packaging', exclude: ['npm/'] },
    { root: 'repo', from: 'templates', to: 'templates', exclude: [] },
  ],
  exports: [
    { subpath: '.', module: 'lib/generators/index' },
    { subpath: './packaging', module: 'lib/packaging/index' },
  ],
  bins: [{ name: 'reloadkit', module: 'lib/generators/cli/main' }],
  optionalPeers: [],
  allowedDependencies: ['commander', 'execa', 'handlebars', 'yaml', 'zod'],
};

/** Both packages, the runtime first (the CLI's tests install it beside). */
export const npmPackages: readonly NpmPackageDefinition[] = [runtimePackage, cliPackage];
