// Target `logrotate`: one snippet per package rotating each logs directory, reloading its services afterwards.
import type { Manifest } from '../manifest/index.js';
import { renderTemplate } from '../render/handlebars.js';
import type { GeneratedFile, Target } from '../target.js';

/** One rotated directory and the services writing into it. */
interface RotationGroup {
  directory: string;
  su: string | undefined;
  reloads: { service: string; program: string; timeout: number; command: string[] }[];
}

function groupServicesByLogsDirectory(manifest: Manifest): RotationGroup[] {
  const groups = new Map<string, RotationGroup>();
  for (const service of manifest.services) {
    if (!service.logs_directory) continue;
    const directory = `/var/log/${service.logs_directory}`;
    const group = groups.get(directory) ?? {
      directory,
      su: service.user && `${service.user} ${service.group ?? service.user}`,
      reloads: [],
    };
    const [program] = service.reload.command;
    group.reloads.push({ service: service.name, program, timeout: service.reload.timeout, command: service.reload.command });
    groups.set(directory, group);
  }
  return [...groups.values()];
}

/** Generates etc/logrotate.d/<package> when any service has a logs_directory; nothing otherwise. */
export const logrotateTarget: Target = {
  name: 'logrotate',
  description: 'logrotate snippet whose postrotate reloads the services through the synchronous client',
  generate(manifest: Manifest): GeneratedFile[] {
    const groups = groupServicesByLogsDirectory(manifest);
    if (groups.length === 0) return [];
    return [
      {
        path: `etc/logrotate.d/${manifest.package.name}`,
        mode: 0o644,
        content: renderTemplate('logrotate/logrotate.hbs', { packageName: manifest.package.name, groups }),
      },
    ];
  },
};
