// Which of a service's systemd dependencies an init script must treat as hard (start after, fail without).
import type { ServiceManifest } from '../manifest/index.js';

/**
 * `requires`, plus units that are both wanted and ordered after: systemd starts those first, so an init
 * system without wants/after semantics needs them as hard dependencies (LSB Required-Start, OpenRC need).
 */
export function hardDependencies(service: ServiceManifest): string[] {
  return [...service.requires, ...service.after.filter((unit) => service.wants.includes(unit))];
}
