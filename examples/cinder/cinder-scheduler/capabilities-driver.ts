// The scheduler's per-backend driver: a cache of the backend's capabilities and of the capacity the
// scheduler has handed out (the driver shape "cache"). A reload that changes the backend's section
// builds a new generation, which starts with an empty cache: nothing derived from old options survives.
import type { DriverContext } from '../../../runtime/index.js';

/** The capabilities the scheduler weighs a backend by. */
export interface Capabilities {
  backend: string;
  volumeBackendName: string;
  capacityGb: number;
  freeGb: number;
}

/** A backend's capability cache. */
export interface CapabilitiesDriver {
  /** Generation of the driver (cache), to show in answers that a reload dropped it. */
  readonly generation: number;
  /** Cached capabilities; computed on first use (a real scheduler would ask the volume service). */
  capabilities(): Capabilities;
  /** Reserves `sizeGb` of free capacity in the cache; false when it does not fit. */
  reserve(sizeGb: number): boolean;
  /** How often the cache answered without recomputing. */
  readonly cacheHits: number;
  close(): void;
}

/** Builds the cache for section `ctx.section` from the snapshot the generation is built from. */
export function createCapabilitiesDriver(ctx: DriverContext): CapabilitiesDriver {
  const values = ctx.config.section(ctx.section);
  let cached: Capabilities | undefined;
  let hits = 0;
  let closed = false;
  const load = (): Capabilities => {
    if (closed) throw new Error(`capabilities cache of [${ctx.section}] generation ${ctx.generation} is closed`);
    if (cached) {
      hits += 1;
      return cached;
    }
    const capacityGb = values['capacity_gb'] as number;
    cached = { backend: ctx.section, volumeBackendName: (values['volume_backend_name'] as string | undefined) ?? ctx.section, capacityGb, freeGb: capacityGb };
    return cached;
  };
  return {
    generation: ctx.generation,
    capabilities: () => ({ ...load() }),
    reserve(sizeGb) {
      const caps = load();
      if (caps.freeGb < sizeGb) return false;
      caps.freeGb -= sizeGb;
      return true;
    },
    get cacheHits() {
      return hits;
    },
    close() {
      closed = true;
      cached = undefined;
    },
  };
}
