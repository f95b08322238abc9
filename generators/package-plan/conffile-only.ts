// Whether an upgrade that changed only configuration files must be told apart from one that changed code.
import type { PackagedService } from './plan.js';

/** True when a conffile-only upgrade must act differently from a code upgrade for this service (deb and rpm). */
export function distinguishesConffileOnly(service: PackagedService): boolean {
  return service.onConffileOnlyUpgrade !== service.onUpgrade;
}
