// postinst: accounts, directories, config files, then per service SysV registration and start, systemd enable, start.
import type { PackagePlan, PackagedService } from '../package-plan/plan.js';
import { sysusersPath } from '../package-plan/sysusers.js';
import { distinguishesConffileOnly } from '../package-plan/conffile-only.js';
import { needsPayloadComparison, payloadView } from './payload.js';
import { renderPiece, renderSnippet } from './snippet.js';

/** The unit a service ships. */
export function unitName(service: PackagedService): string {
  return `${service.name}.service`;
}

/** The postinst snippets in the order they run (debhelper's: init scripts, then systemd enable, then start). */
export function renderPostinstSnippets(plan: PackagePlan): string[] {
  const snippets: string[] = [];
  if (plan.accounts.length > 0) {
    snippets.push(
      renderSnippet('postinst-accounts', {
        package: plan.name,
        sysusersFile: sysusersPath(plan.name).split('/').pop(),
        accounts: plan.accounts.map((account) => ({ ...account, gecos: `${account.user} service account` })),
      }),
    );
  }
  if (plan.directories.length > 0) {
    snippets.push(
      renderSnippet('postinst-directories', {
        directories: plan.directories.map((directory) => ({
          ...directory,
          ownership: `${directory.owner}:${directory.group}`,
        })),
      }),
    );
  }
  if (plan.configFiles.length > 0) {
    snippets.push(
      renderSnippet('postinst-config-files', {
        configFiles: plan.configFiles.map((file) => ({ ...file, ownership: `${file.owner}:${file.group}` })),
      }),
    );
  }
  if (needsPayloadComparison(plan)) snippets.push(renderSnippet('postinst-payload-compare', payloadView(plan)));
  for (const service of plan.services) {
    const view = serviceView(plan, service);
    snippets.push(renderSnippet(mayReload(service) ? 'postinst-init-reload' : 'postinst-init', view));
  }
  for (const service of plan.services) {
    snippets.push(renderSnippet('postinst-systemd-enable', serviceView(plan, service)));
  }
  if (plan.services.length > 0) snippets.push(renderSnippet('postinst-systemd-daemon-reload', {}));
  for (const service of plan.services) {
    const view = serviceView(plan, service);
    snippets.push(renderSnippet(mayReload(service) ? 'postinst-systemd-start-reload' : 'postinst-systemd-start', view));
  }
  if (needsPayloadComparison(plan)) snippets.push(renderSnippet('postinst-payload-forget', payloadView(plan)));
  return snippets;
}

function mayReload(service: PackagedService): boolean {
  return service.onUpgrade === 'reload' || service.onConffileOnlyUpgrade === 'reload';
}

function serviceView(plan: PackagePlan, service: PackagedService) {
  const choice = {
    detectsConffileOnly: distinguishesConffileOnly(service),
    onUpgrade: service.onUpgrade,
    onConffileOnlyUpgrade: service.onConffileOnlyUpgrade,
  };
  return {
    package: plan.name,
    service: service.name,
    unit: unitName(service),
    selectAction: renderPiece('postinst-select-action', choice),
  };
}
