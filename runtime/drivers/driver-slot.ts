// DriverSlot: the place of one driver (`kind:section`): its gate, current generation, draining ones.
import { AdmissionGate } from '../gate/admission-gate.js';
import type { DriverMode, DriverSpec } from './driver-spec.js';
import type { Generation } from './generation.js';

/** Builds the `kind:section` key. */
export function toDriverKey(kind: string, section: string): string {
  return `${kind}:${section}`;
}

/** One driver's routing: new work goes to `current`; replaced generations drain in `draining`. */
export class DriverSlot {
  readonly gate: AdmissionGate;
  readonly draining = new Set<Generation>();
  current: Generation;

  constructor(readonly spec: DriverSpec, readonly section: string, first: Generation) {
    this.gate = new AdmissionGate(toDriverKey(spec.kind, section));
    this.current = first;
  }

  /** `kind:section`. */
  get key(): string {
    return toDriverKey(this.spec.kind, this.section);
  }

  /** The driver's mode (default overlap). */
  get mode(): DriverMode {
    return this.spec.mode ?? 'overlap';
  }

  /** The oldest generation still draining, if any. */
  oldestDraining(): Generation | undefined {
    let oldest: Generation | undefined;
    for (const generation of this.draining) if (!oldest || generation.number < oldest.number) oldest = generation;
    return oldest;
  }
}
