// The assertions scenarios make, as a small interface so scenarios do not depend on one test runner's
// types (tap's `t` satisfies it). A failed check prints the container's evidence.

import type { Container } from './container.js';
import { printEvidence } from './evidence.js';
import type { ServiceUnderTest } from './init-profiles.js';

// What a scenario needs from the test runner.
export interface Checks {
  equal(found: unknown, wanted: unknown, message: string, extra: Record<string, unknown>): boolean;
  ok(value: unknown, message: string, extra: Record<string, unknown>): boolean;
}

// Checks `found === wanted`; when it is not, prints the evidence about `service`. Returns whether it passed.
export async function expectEqual(
  t: Checks,
  container: Container,
  service: ServiceUnderTest,
  found: unknown,
  wanted: unknown,
  message: string,
  extra: Record<string, unknown> = {},
): Promise<boolean> {
  const passed = t.equal(found, wanted, message, extra);
  if (!passed) await printEvidence(container, service, message);
  return passed;
}
