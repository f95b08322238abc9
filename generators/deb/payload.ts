// Where a package keeps, between preinst and postinst of an upgrade, the checksums of the code it replaces.
import { distinguishesConffileOnly } from '../package-plan/conffile-only.js';
import type { PackagePlan } from '../package-plan/plan.js';

/** Folder shared by reloadkit-built packages; each package writes one file, removed once configured. */
export const SAVED_PAYLOAD_DIRECTORY = '/var/lib/reloadkit';

/** The file holding the md5sums (without docs) of the version being upgraded from. */
export function savedPayloadPath(packageName: string): string {
  return `${SAVED_PAYLOAD_DIRECTORY}/${packageName}.md5sums`;
}

/** True when any service of the package needs the preinst/postinst checksum comparison. */
export function needsPayloadComparison(plan: PackagePlan): boolean {
  return plan.services.some(distinguishesConffileOnly);
}

/** The template values the payload snippets share. */
export function payloadView(plan: PackagePlan) {
  return {
    package: plan.name,
    savedPayload: savedPayloadPath(plan.name),
    savedPayloadDirectory: SAVED_PAYLOAD_DIRECTORY,
  };
}
