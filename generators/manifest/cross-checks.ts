// Checks that span several fields of the manifest (each field alone was already validated).
import type { z } from 'zod';

/** The parts of a service the relation checks read. */
interface RelatedService {
  name: string;
  drain_timeout: number;
  stop_timeout: number;
  runtime_directory?: string | undefined;
  reload: { timeout: number };
}

/** Length of a Linux process name (comm), which start-stop-daemon --name compares against. */
export const PROCESS_NAME_LENGTH = 15;

/** Adds an issue for every cross-field rule the services break; messages read "expected …". */
export function checkServiceRelations(manifest: { services: RelatedService[] }, ctx: z.RefinementCtx): void {
  const firstByName = new Map<string, number>();
  const firstByProcessName = new Map<string, number>();
  const firstByRuntimeDirectory = new Map<string, number>();
  manifest.services.forEach((service, index) => {
    const at = (...rest: (string | number)[]) => ['services', index, ...rest];
    const earlier = firstByName.get(service.name);
    if (earlier !== undefined) {
      ctx.addIssue({ code: 'custom', path: at('name'), message: `expected a name not used by services[${earlier}]` });
    } else {
      firstByName.set(service.name, index);
      const processName = service.name.slice(0, PROCESS_NAME_LENGTH);
      const clash = firstByProcessName.get(processName);
      if (clash !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: at('name'),
          message: `expected the first ${PROCESS_NAME_LENGTH} characters to differ from services[${clash}].name (the process name init scripts match on)`,
        });
      } else {
        firstByProcessName.set(processName, index);
      }
    }
    if (service.stop_timeout < service.drain_timeout) {
      ctx.addIssue({
        code: 'custom',
        path: at('stop_timeout'),
        message: `expected at least drain_timeout (${service.drain_timeout}) so a stop can drain in-flight work`,
      });
    }
    if (service.reload.timeout < service.drain_timeout) {
      ctx.addIssue({
        code: 'custom',
        path: at('reload', 'timeout'),
        message: `expected at least drain_timeout (${service.drain_timeout}) so a reload can drain in-flight work`,
      });
    }
    if (service.runtime_directory !== undefined) {
      const owner = firstByRuntimeDirectory.get(service.runtime_directory);
      if (owner !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: at('runtime_directory'),
          message: `expected a directory not used by services[${owner}] (systemd removes it when either stops)`,
        });
      } else {
        firstByRuntimeDirectory.set(service.runtime_directory, index);
      }
    }
  });
}
