// The contract every generator target implements: a pure function from a manifest to files.
import type { Manifest } from './manifest/index.js';

/** One file a target produces, with the path it is installed at (relative, no leading slash). */
export interface GeneratedFile {
  /** e.g. `lib/systemd/system/cinder-volume.service`, `etc/init.d/cinder-volume`, `DEBIAN/postinst`. */
  path: string;
  /** Unix permission bits, e.g. 0o644 or 0o755. */
  mode: number;
  content: string;
}

/** Settings that are not part of the manifest but choose between variants of the output. */
export interface TargetOptions {
  /** systemd version the units are for: >= 253 gives Type=notify-reload. Default 252 (Debian 12). */
  systemdVersion: number;
}

/** What a target is for: an init system's service files, a helper beside them, or a package format's scripts. */
export type TargetKind = 'init' | 'auxiliary' | 'package';

/**
 * Where a target's shell lives, for the linters: every file is shell, scripts or sourced settings (`files`);
 * the files that start with `#!` are scripts and the others data, such as s6's notification-fd (`scripts`);
 * the scripts sit in logrotate `postrotate` blocks (`postrotate`); or none is checked as generated (`none`:
 * deb's and rpm's scripts are assembled from snippets and checked, and run, by their own tests).
 */
export type ShellContent = 'files' | 'scripts' | 'postrotate' | 'none';

/**
 * How the binary packages (packaging/) take a target's files: as generated, next to the code (`as-generated`);
 * rendered per package plan by packaging itself (`per-package`: logrotate, deb, rpm); or not at all (`not-shipped`).
 */
export type PackagedAs = 'as-generated' | 'per-package' | 'not-shipped';

/** A generator target: registered by name in generators/registry.ts, and describing itself to every list of targets. */
export interface Target {
  name: string;
  /** One line for `reloadkit targets`. */
  description: string;
  kind: TargetKind;
  shell: ShellContent;
  /** Path prefixes every file it writes starts with (relative, e.g. `etc/init.d/`); tests hold it to them. */
  installsUnder: readonly string[];
  packaged: PackagedAs;
  generate(manifest: Manifest, options: TargetOptions): GeneratedFile[];
}
