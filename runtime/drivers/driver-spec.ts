// What a service declares about a driver, and the lease a piece of work receives.
import type { ConfigSnapshot } from '../config/snapshot.js';

/**
 * `overlap` (make-before-break, the default): the new generation is built first, new work switches to
 * it at once, the old one finishes its work in the background. `exclusive`: the old generation drains
 * first (new work waits at the gate), then the new one is built.
 */
export type DriverMode = 'overlap' | 'exclusive';

/** What `create` receives. */
export interface DriverContext {
  kind: string;
  section: string;
  /** `kind:section`. */
  key: string;
  /** 1 for the generation built at start-up, +1 per re-initialisation. */
  generation: number;
  /** The snapshot this generation is built from (the one the reload switches to). */
  config: ConfigSnapshot;
}

/** A driver kind: one instance per section it names, rebuilt when that section's options change. */
export interface DriverSpec<D = any> {
  kind: string;
  /** The sections that get a driver of this kind, e.g. `(c) => c.get('DEFAULT', 'enabled_backends')`. */
  sections: (config: ConfigSnapshot) => readonly string[];
  /** Default `overlap`. */
  mode?: DriverMode;
  /** [DEFAULT] options whose change also re-initialises every driver of this kind. */
  dependsOn?: readonly string[];
  /** Builds (connects) one generation; a throw fails the reload and keeps the old generation. */
  create: (ctx: DriverContext) => Promise<D> | D;
  /** Closes a generation; default: calls `driver.close()` when it has one. */
  close?: (driver: D, ctx: DriverContext) => Promise<void> | void;
}

/** What a piece of work gets from `rt.use`: the driver generation it runs on and the matching config. */
export interface Lease<D = any> {
  driver: D;
  kind: string;
  section: string;
  key: string;
  generation: number;
  /**
   * The runtime's snapshot at the moment the work was admitted. The switch swaps the snapshot and
   * every affected generation in one assignment, so this always matches `driver`, and two pieces of
   * work admitted after a switch always see the same snapshot.
   */
  config: ConfigSnapshot;
}
