// Builds a DriverContext over a hand-made ConfigSnapshot, for unit tests of example drivers.
import { ConfigSnapshot, type DriverContext, type ValueSource } from '../../runtime/index.js';

/** A context for driver `kind:section` whose snapshot holds `sections`; `sources` locates options. */
export function makeDriverContext(
  kind: string, section: string, sections: Record<string, Record<string, unknown>>, sources: Record<string, Record<string, ValueSource>> = {}, generation = 1,
): DriverContext {
  const values = new Map(Object.entries({ DEFAULT: {}, ...sections }));
  const where = new Map(Object.entries(sources).map(([name, options]) => [name, new Map(Object.entries(options))]));
  return { kind, section, key: `${kind}:${section}`, generation, config: new ConfigSnapshot(values, where, ['cinder.conf']) };
}
