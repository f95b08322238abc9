// Runs the generator's targets and sorts their files by the binary package that ships them.
import { renderMaintainerScripts } from '../../generators/deb/index.js';
import type { Manifest } from '../../generators/manifest/index.js';
import { planAccounts, planDirectories, planService, type PackagePlan } from '../../generators/package-plan/plan.js';
import { renderSysusersConf, sysusersPath } from '../../generators/package-plan/sysusers.js';
import { logrotateTarget } from '../../generators/logrotate/index.js';
import { systemdTarget } from '../../generators/systemd/index.js';
import { sysvTarget } from '../../generators/sysv/index.js';
import type { GeneratedFile, Target, TargetOptions } from '../../generators/target.js';
import type { DebScripts } from '../package-spec.js';
import { emptyGeneratedFiles, type GeneratedInputs } from './generated-inputs.js';
import type { PackageLayout } from './package-layout.js';

/**
 * Targets whose files are installed as they are (the rpm planner drops init.d). logrotate's one snippet
 * covers the shared log directory, so it goes with the package owning that directory: the common one.
 */
const installedTargets: Target[] = [systemdTarget, sysvTarget, logrotateTarget];

/** The service a file belongs to: its name without extension is the service name; otherwise none. */
export function findOwningService(file: GeneratedFile, serviceNames: string[]): string | undefined {
  const base = file.path.slice(file.path.lastIndexOf('/') + 1);
  return serviceNames.find((name) => base === name || base.startsWith(`${name}.`));
}

/** The generator's package plans: the common package gets the accounts and directories, each service its own. */
export function splitPackagePlans(manifest: Manifest, layout: PackageLayout): PackagePlan[] {
  return [
    {
      name: layout.common.name,
      services: [],
      accounts: planAccounts(manifest.services),
      directories: planDirectories(manifest.services),
    },
    ...manifest.services.map((service) => ({ name: service.name, services: [planService(service)], accounts: [], directories: [] })),
  ];
}

function toDebScripts(files: GeneratedFile[]): DebScripts {
  const scripts: DebScripts = {};
  for (const file of files) {
    const hook = file.path.replace(/^DEBIAN\//, '');
    if (hook === 'preinst' || hook === 'postinst' || hook === 'prerm' || hook === 'postrm') scripts[hook] = file.content;
    else throw new Error(`deb generator: unexpected maintainer script path "${file.path}" (expected DEBIAN/<hook>)`);
  }
  return scripts;
}

/** Generator output per package: service files go to the service's package, the rest to the common one. */
export function collectGeneratedInputs(manifest: Manifest, layout: PackageLayout, options: TargetOptions): GeneratedInputs {
  const names = manifest.services.map((s) => s.name);
  const inputs: GeneratedInputs = new Map([layout.common.name, ...names].map((n) => [n, emptyGeneratedFiles()]));
  for (const target of installedTargets) {
    for (const file of target.generate(manifest, options)) {
      const owner = findOwningService(file, names) ?? layout.common.name;
      // Named after the package that ships it, as Debian and rpmlint (incoherent-logrotate-file) expect.
      const path = file.path.startsWith('etc/logrotate.d/') ? `etc/logrotate.d/${owner}` : file.path;
      inputs.get(owner)?.installed.push({ ...file, path });
    }
  }
  for (const plan of splitPackagePlans(manifest, layout)) {
    const record = inputs.get(plan.name) ?? emptyGeneratedFiles();
    record.debScripts = toDebScripts(renderMaintainerScripts(plan));
    record.rpmPlan = plan;
    if (plan.accounts.length > 0) {
      record.installed.push({ path: sysusersPath(plan.name), mode: 0o644, content: renderSysusersConf(plan.name, plan.accounts) });
    }
  }
  return inputs;
}
