// Target `logrotate`: one snippet per package rotating each logs directory, reloading its services afterwards.
import type { Manifest } from '../manifest/index.js';
import { buildReloadClientView, type ReloadClientView } from '../init-contract/index.js';
import { planPackage, type PackagePlan } from '../package-plan/plan.js';
import { renderTemplate } from '../render/handlebars.js';
import type { GeneratedFile, Target } from '../target.js';

/** One rotated directory and the services writing into it. */
interface RotationGroup {
  directory: string;
  su: string | undefined;
  /** Each service's reload client (templates/partials/reload-client.hbs), run when `program` is installed. */
  reloads: { service: string; program: string; reloadClient: ReloadClientView }[];
}

function groupServicesByLogsDirectory(manifest: Manifest, directories: ReadonlySet<string>): RotationGroup[] {
  const groups = new Map<string, RotationGroup>();
  for (const service of manifest.services) {
    if (!service.logs_directory) continue;
    const directory = `/var/log/${service.logs_directory}`;
    if (!directories.has(directory)) continue;
    const group = groups.get(directory) ?? {
      directory,
      su: service.user && `${service.user} ${service.group ?? service.user}`,
      reloads: [],
    };
    const [program] = service.reload.command;
    group.reloads.push({ service: service.name, program, reloadClient: buildReloadClientView(service) });
    groups.set(directory, group);
  }
  return [...groups.values()];
}

/** Where a package's snippet is installed: named after the package, as dh_installlogrotate and rpmlint expect. */
export function logrotatePath(packageName: string): string {
  return `etc/logrotate.d/${packageName}`;
}

/**
 * The snippet of the package that owns log directories (the plan's `directories`: it creates, hands over and
 * purges them), named after that package; nothing for a package that owns none. With split packages that is
 * the common package (planCommonPackage), never a service package.
 */
export function renderLogrotateFiles(manifest: Manifest, plan: PackagePlan): GeneratedFile[] {
  const groups = groupServicesByLogsDirectory(manifest, new Set(plan.directories.map((directory) => directory.path)));
  if (groups.length === 0) return [];
  return [
    {
      path: logrotatePath(plan.name),
      mode: 0o644,
      content: renderTemplate('logrotate/logrotate.hbs', { packageName: plan.name, groups }),
    },
  ];
}

/** Generates etc/logrotate.d/<package> when any service has a logs_directory; nothing otherwise. */
export const logrotateTarget: Target = {
  name: 'logrotate',
  description: 'logrotate snippet whose postrotate reloads the services through the synchronous client',
  kind: 'auxiliary',
  shell: 'postrotate',
  installsUnder: ['etc/logrotate.d/'],
  packaged: 'per-package',
  generate(manifest: Manifest): GeneratedFile[] {
    return renderLogrotateFiles(manifest, planPackage(manifest));
  },
};
