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

/** A generator target: registered by name in generators/registry.ts. */
export interface Target {
  name: string;
  /** One line for `reloadkit targets`. */
  description: string;
  generate(manifest: Manifest, options: TargetOptions): GeneratedFile[];
}
