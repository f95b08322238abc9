// Makes a failing step explain itself: when it throws, the init system's view of the service (status,
// journal or init-script status, the service's log) is printed before the error goes on.

import type { Container } from './container.js';
import type { ServiceUnderTest } from './init-profiles.js';
import { logBlock } from './log.js';

// Runs `step`; if it throws, prints the container's evidence about `service` and rethrows the error.
export async function withEvidence<T>(
  container: Container,
  service: ServiceUnderTest,
  stepName: string,
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    await printEvidence(container, service, stepName);
    throw error;
  }
}

// Prints the container's evidence about `service` under a heading naming the failed check.
export async function printEvidence(container: Container, service: ServiceUnderTest, checkName: string): Promise<void> {
  const evidence = await container.collectEvidence(service).catch((cause: Error) => `(cannot collect evidence: ${cause.message})`);
  logBlock(`${container.name}: check "${checkName}" failed; evidence from ${container.row.profile.init}:`, evidence);
}
