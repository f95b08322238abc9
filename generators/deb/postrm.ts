// postrm: undo the postinst in reverse: systemd state, SysV links, then (on purge) directories and saved state.
import type { PackagePlan } from '../package-plan/plan.js';
import { needsPayloadComparison, payloadView } from './payload.js';
import { unitName } from './postinst.js';
import { renderSnippet } from './snippet.js';

/** The postrm snippets in the order they run. */
export function renderPostrmSnippets(plan: PackagePlan): string[] {
  const reversed = [...plan.services].reverse();
  const snippets: string[] = [];
  if (needsPayloadComparison(plan)) snippets.push(renderSnippet('postrm-payload-purge', payloadView(plan)));
  if (plan.services.length > 0) snippets.push(renderSnippet('postrm-systemd-daemon-reload', {}));
  for (const service of reversed) snippets.push(renderSnippet('postrm-systemd-purge', { unit: unitName(service) }));
  for (const service of reversed) snippets.push(renderSnippet('postrm-init', { service: service.name }));
  if (plan.directories.length > 0) {
    snippets.push(renderSnippet('postrm-directories-purge', { directories: [...plan.directories].reverse() }));
  }
  return snippets;
}
