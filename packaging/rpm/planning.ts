// Planning for .rpm: units under /usr/lib, no LSB init scripts, scriptlets rendered with the code digest.
import { computeCodeDigest } from '../../generators/package-plan/code-digest.js';
import { renderRpmScriptlets, requiredByScriptlets } from '../../generators/rpm/index.js';
import { absoluteInstalledPath, type FormatPlanning } from '../format-planning.js';
import type { PackageGeneratedFiles } from '../layout/generated-inputs.js';
import type { PackageSpec } from '../package-spec.js';

/** RPM distributions keep units in /usr/lib and have no LSB init scripts. */
function rpmInstalledPath(generated: string): string | undefined {
  const path = absoluteInstalledPath(generated);
  if (path.startsWith('/etc/init.d/')) return undefined;
  return path.startsWith('/lib/') ? `/usr${path}` : path;
}

/**
 * Adds the RPM scriptlets, rendered with the digest of the package's code (every file but %config ones), which
 * lets an upgrade that changed only configuration reload instead of restart.
 */
function withRpmScriptlets(spec: PackageSpec, generated: PackageGeneratedFiles): PackageSpec {
  const plan = generated.rpmPlan;
  if (!plan) return spec;
  const code = spec.entries.flatMap((e) => (e.kind === 'file' && !e.conffile && !e.path.startsWith('/etc/') ? [e] : []));
  const codeDigest = computeCodeDigest(code.map((e) => ({ path: e.path, content: e.content })));
  const required = requiredByScriptlets(plan);
  return {
    ...spec,
    rpmScripts: renderRpmScriptlets(plan, { codeDigest }),
    rpmScriptRequires: Object.fromEntries(Object.entries(required).filter(([, names]) => names.length > 0)),
  };
}

/** The common package depends on logrotate, whose snippet it ships (rpmlint asks for it; Debian treats it as optional). */
export const rpmPlanning: FormatPlanning = {
  installedPath: rpmInstalledPath,
  relations: (_generated, role) => ({ depends: role === 'common' ? [{ name: 'logrotate' }] : [] }),
  complete: withRpmScriptlets,
};
