// The format-neutral description of one binary package: what every packager builds from.

/** A version constraint on a dependency, e.g. `>= 18`. */
export interface VersionConstraint {
  operator: '>=' | '=' | '<=' | '>>' | '<<';
  version: string;
}

/** A dependency; `rpmName` is set when the package is called differently on RPM distributions. */
export interface Dependency {
  name: string;
  rpmName?: string;
  constraint?: VersionConstraint;
}

/** A regular file in the package, installed at `path` (absolute, e.g. `/usr/bin/cinder-volume`). */
export interface FileEntry {
  kind: 'file';
  path: string;
  mode: number;
  content: string | Buffer;
  /** Configuration file the administrator may edit: a dpkg conffile, an RPM %config(noreplace). */
  conffile?: boolean;
  /** Owner and group on the installed system; default root. */
  owner?: string;
  group?: string;
}

/** A directory the package owns, even when empty. */
export interface DirectoryEntry {
  kind: 'directory';
  path: string;
  mode: number;
  owner?: string;
  group?: string;
}

/** One entry of a package's contents. */
export type PackageEntry = FileEntry | DirectoryEntry;

/** One release in the package's changelog, newest first in `PackageSpec.changelog`. */
export interface ChangelogEntry {
  version: string;
  /** ISO 8601 date, e.g. `2026-11-27` or `2026-11-27T12:00:00Z`. */
  date: string;
  author: string;
  changes: string[];
}

/** Maintainer scripts for Debian packages (shell text, with shebang). */
export interface DebScripts {
  preinst?: string;
  postinst?: string;
  prerm?: string;
  postrm?: string;
}

/** Scriptlet bodies for RPM packages (shell text, no shebang). */
export interface RpmScripts {
  pre?: string;
  post?: string;
  preun?: string;
  postun?: string;
  posttrans?: string;
}

/** Everything needed to build one binary package in any format. */
export interface PackageSpec {
  name: string;
  /** The source (project) these packages are built from, e.g. `cinder`: changelog and copyright name it. */
  source: string;
  /** Upstream version, e.g. `1.2.0`. */
  version: string;
  /** Packaging revision: Debian revision / RPM release, e.g. `1`. */
  release: string;
  maintainer: string;
  /** One line, no final period. */
  summary: string;
  /** Long description: paragraphs separated by blank lines. */
  description: string;
  homepage?: string;
  /** SPDX identifier, e.g. `Apache-2.0`. */
  license: string;
  /** e.g. `2026 The reloadkit authors`. */
  copyright: string;
  /** Debian section, e.g. `net`. */
  section: string;
  depends: Dependency[];
  /** Debian Pre-Depends, e.g. init-system-helpers for `invoke-rc.d --skip-systemd-native`. */
  preDepends?: Dependency[];
  /** Packages that install the same paths and cannot be installed beside this one: deb and rpm Conflicts. */
  conflicts?: Dependency[];
  /** Debian Replaces: packages whose files this one takes over (RPM has no such relation). */
  replaces?: Dependency[];
  entries: PackageEntry[];
  changelog: ChangelogEntry[];
  debScripts: DebScripts;
  rpmScripts: RpmScripts;
  /** What the RPM scriptlets run, per scriptlet: `Requires(pre): shadow-utils`, `Requires(post): systemd`. */
  rpmScriptRequires?: Partial<Record<'pre' | 'post' | 'preun' | 'postun', string[]>>;
  /** Lintian overrides, one `tag [context]` per line, each preceded by a `# reason` comment. */
  lintianOverrides?: string;
}
