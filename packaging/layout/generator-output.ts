// Runs the generator's targets and sorts their files by the binary package that ships them.
import type { Manifest } from '../../generators/manifest/index.js';
import { systemdTarget } from '../../generators/systemd/index.js';
import { sysvTarget } from '../../generators/sysv/index.js';
import type { GeneratedFile, Target, TargetOptions } from '../../generators/target.js';
import { emptyGeneratedFiles, type GeneratedInputs } from './generated-inputs.js';
import type { PackageLayout } from './package-layout.js';

/** The targets whose files are installed as they are (both formats; the rpm planner drops init.d). */
const installedTargets: Target[] = [systemdTarget, sysvTarget];

/** The service a file belongs to: its name without extension is the service name; otherwise none. */
export function findOwningService(file: GeneratedFile, serviceNames: string[]): string | undefined {
  const base = file.path.slice(file.path.lastIndexOf('/') + 1);
  return serviceNames.find((name) => base === name || base.startsWith(`${name}.`));
}

/** Generator output per package: service files go to the service's package, the rest to the common one. */
export function collectGeneratedInputs(manifest: Manifest, layout: PackageLayout, options: TargetOptions): GeneratedInputs {
  const names = manifest.services.map((s) => s.name);
  const inputs: GeneratedInputs = new Map([layout.common.name, ...names].map((n) => [n, emptyGeneratedFiles()]));
  for (const target of installedTargets) {
    for (const file of target.generate(manifest, options)) {
      const owner = findOwningService(file, names) ?? layout.common.name;
      inputs.get(owner)?.installed.push(file);
    }
  }
  return inputs;
}
