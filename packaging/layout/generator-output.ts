// Runs the generator's targets and sorts their files by the binary package that ships them.
import { debRelations, renderDebPackageFiles } from '../../generators/deb/index.js';
import type { Manifest } from '../../generators/manifest/index.js';
import { planCommonPackage, planService, type PackagePlan } from '../../generators/package-plan/plan.js';
import { renderLogrotateFiles } from '../../generators/logrotate/index.js';
import { targets } from '../../generators/registry.js';
import type { GeneratedFile, Target, TargetOptions } from '../../generators/target.js';
import { PackagingError } from '../errors.js';
import type { DebScripts, Dependency } from '../package-spec.js';
import { emptyGeneratedFiles, type GeneratedInputs } from './generated-inputs.js';
import { commonPackage, packageOfService, type PackageLayout } from './package-layout.js';

/**
 * Targets whose files are installed as they are (each packager adapts paths, e.g. rpm drops init.d). Targets
 * packaged `per-package` (the logrotate snippet, the maintainer scripts) are rendered per package plan below:
 * they belong to the package that owns the log directory or the service.
 */
const installedTargets: readonly Target[] = targets.filter((target) => target.packaged === 'as-generated');

/** The service a file belongs to: its name without extension is the service name; otherwise none. */
export function findOwningService(file: GeneratedFile, serviceNames: string[]): string | undefined {
  const base = file.path.slice(file.path.lastIndexOf('/') + 1);
  return serviceNames.find((name) => base === name || base.startsWith(`${name}.`));
}

/** The generator's package plans: the common package gets the accounts and directories, each package its services. */
export function splitPackagePlans(manifest: Manifest, layout: PackageLayout): PackagePlan[] {
  const common = commonPackage(layout);
  return layout.packages.map((pkg) => {
    const services = manifest.services.filter((s) => packageOfService(layout, s.name) === pkg).map(planService);
    const base = pkg === common ? planCommonPackage(manifest, pkg.name) : { name: pkg.name, services: [], accounts: [], directories: [], configFiles: [] };
    return { ...base, services };
  });
}

/** Splits the deb generator's files into maintainer scripts (DEBIAN/<hook>) and installed files. */
function splitDebFiles(files: GeneratedFile[]): { scripts: DebScripts; installed: GeneratedFile[] } {
  const scripts: DebScripts = {};
  const installed: GeneratedFile[] = [];
  for (const file of files) {
    const hook = /^DEBIAN\/(preinst|postinst|prerm|postrm)$/.exec(file.path)?.[1] as keyof DebScripts | undefined;
    if (hook) scripts[hook] = file.content;
    else if (file.path.startsWith('DEBIAN/')) throw new PackagingError(`deb generator: unexpected control file "${file.path}"`);
    else installed.push(file);
  }
  return { scripts, installed };
}

/** A Debian relation such as `init-system-helpers (>= 1.54~)` as a Dependency. */
export function parseDebRelation(relation: string): Dependency {
  const match = /^([a-z0-9][a-z0-9+.-]+)(?: \((>=|<=|=|>>|<<) ([^)\s]+)\))?$/.exec(relation);
  if (!match?.[1]) throw new PackagingError(`deb generator: relation: expected "name" or "name (op version)", got "${relation}"`);
  const [, name, operator, version] = match;
  return operator && version ? { name, constraint: { operator: operator as '>=', version } } : { name };
}

/** Generator output per package: service files go to the package shipping the service, the rest to the common
 * one; the logrotate snippet and maintainer scripts come from each package's plan. */
export function collectGeneratedInputs(manifest: Manifest, layout: PackageLayout, options: TargetOptions): GeneratedInputs {
  const names = manifest.services.map((s) => s.name);
  const common = commonPackage(layout).name;
  const inputs: GeneratedInputs = new Map(layout.packages.map((pkg) => [pkg.name, emptyGeneratedFiles()]));
  for (const target of installedTargets) {
    for (const file of target.generate(manifest, options)) {
      const service = findOwningService(file, names);
      const owner = service === undefined ? common : (packageOfService(layout, service)?.name ?? common);
      inputs.get(owner)?.installed.push(file);
    }
  }
  for (const plan of splitPackagePlans(manifest, layout)) {
    const record = inputs.get(plan.name) ?? emptyGeneratedFiles();
    const { scripts, installed } = splitDebFiles(renderDebPackageFiles(plan));
    const relations = debRelations(plan);
    record.debScripts = scripts;
    record.installed.push(...renderLogrotateFiles(manifest, plan), ...installed);
    record.debPreDepends = relations.preDepends.map(parseDebRelation);
    record.debDepends = relations.depends.map(parseDebRelation);
    record.rpmPlan = plan;
  }
  return inputs;
}
