// preinst: restore the init scripts' execute bit on reinstall, remember the replaced code on upgrade.
import type { PackagePlan } from '../package-plan/plan.js';
import { needsPayloadComparison, payloadView } from './payload.js';
import { renderSnippet } from './snippet.js';

/** The preinst snippets in the order they run. */
export function renderPreinstSnippets(plan: PackagePlan): string[] {
  const snippets: string[] = [];
  if (needsPayloadComparison(plan)) snippets.push(renderSnippet('preinst-payload-save', payloadView(plan)));
  for (const service of plan.services) {
    snippets.push(renderSnippet('preinst-init-chmod', { service: service.name }));
  }
  return snippets;
}
