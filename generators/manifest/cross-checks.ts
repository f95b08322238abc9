// Checks that span several fields of the manifest (each field alone was already validated).
import type { z } from 'zod';

/** The parts of a service the relation checks read. */
interface RelatedService {
  name: string;
  user?: string | undefined;
  group?: string | undefined;
  config_files: { path: string; owner?: string | undefined; group?: string | undefined; mode?: string | undefined }[];
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
  const firstByConfigFile = new Map<string, { index: number; attributes: string }>();
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
    service.config_files.forEach((file, fileIndex) => {
      const resolved = resolveConfigFileAttributes(service, file);
      if (resolved === undefined) return;
      const attributes = formatConfigFileAttributes(resolved);
      const first = firstByConfigFile.get(file.path);
      if (first === undefined) {
        firstByConfigFile.set(file.path, { index, attributes });
      } else if (first.attributes !== attributes) {
        ctx.addIssue({
          code: 'custom',
          path: at('config_files', fileIndex),
          message: `expected the owner, group and mode services[${first.index}] gives ${file.path} (${first.attributes}), not ${attributes}`,
        });
      }
    });
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

/** The group a service runs as: its group, else its user's primary group, else root. */
export function serviceGroup(service: { user?: string | undefined; group?: string | undefined }): string {
  return service.group ?? service.user ?? 'root';
}

/** Owner, group and mode of an installed config file; mode as four-digit octal text, e.g. `0640`. */
export interface ConfigFileAttributes {
  owner: string;
  group: string;
  mode: string;
}

/**
 * What a config file entry asks for, defaults filled in (owner root, the service's group, mode 0640);
 * undefined when it asks for none (a bare path: the file stays as the package ships it).
 */
export function resolveConfigFileAttributes(
  service: { user?: string | undefined; group?: string | undefined },
  file: { owner?: string | undefined; group?: string | undefined; mode?: string | undefined },
): ConfigFileAttributes | undefined {
  if (file.owner === undefined && file.group === undefined && file.mode === undefined) return undefined;
  return { owner: file.owner ?? 'root', group: file.group ?? serviceGroup(service), mode: (file.mode ?? '0640').padStart(4, '0') };
}

/** `root:cinder 0640`. */
export function formatConfigFileAttributes(attributes: ConfigFileAttributes): string {
  return `${attributes.owner}:${attributes.group} ${attributes.mode}`;
}
