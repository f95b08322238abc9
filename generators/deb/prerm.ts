// prerm: stop each service on removal only (never on upgrade), in reverse order of the postinst.
import type { PackagePlan } from '../package-plan/plan.js';
import { unitName } from './postinst.js';
import { renderSnippet } from './snippet.js';

/** The prerm snippets in the order they run: systemd stops, then SysV stops, services in reverse. */
export function renderPrermSnippets(plan: PackagePlan): string[] {
  const reversed = [...plan.services].reverse();
  return [
    ...reversed.map((service) => renderSnippet('prerm-systemd-stop', { unit: unitName(service) })),
    ...reversed.map((service) => renderSnippet('prerm-init-stop', { service: service.name })),
  ];
}
