// The RPM scriptlet bodies of one package: %pre, %post, %preun, %postun, %posttrans (plain shell, no macros).
import type { PackagePlan, PackagedService } from '../package-plan/plan.js';
import { sysusersPath } from '../package-plan/sysusers.js';
import { distinguishesConffileOnly } from '../package-plan/conffile-only.js';
import { wrapInSnippetMarkers } from '../package-plan/snippet-markers.js';
import { renderTemplate } from '../render/handlebars.js';

/** Scriptlet bodies by section name, as `%<name>` in the spec. */
export interface RpmScriptlets {
  pre?: string;
  post?: string;
  preun?: string;
  postun?: string;
  posttrans?: string;
}

/** Choices that are not in the plan. */
export interface RpmScriptletOptions {
  /**
   * computeCodeDigest() of the package's non-config files, or a spec macro that expands to it; without it,
   * every upgrade counts as a code change (on_upgrade applies, on_conffile_change never does).
   */
  codeDigest?: string;
}

/** Folder for state between scriptlets of one transaction (Fedora's packaging guidelines name it). */
export const RPM_STATE_DIRECTORY = '/var/lib/rpm-state/reloadkit';
/** Folder where each installed package records the digest of its code. */
export const CODE_DIGEST_DIRECTORY = '/var/lib/reloadkit';

const DIGEST = /^([0-9a-f]{64}|%\{\??[A-Za-z_][A-Za-z0-9_]*\})$/;

function snippet(name: string, view: object): string {
  const body = renderTemplate(`rpm/${name}.hbs`, view).trimEnd();
  return wrapInSnippetMarkers(body);
}

function unitOf(service: PackagedService): string {
  return `${service.name}.service`;
}

function stateView(plan: PackagePlan, codeDigest: string) {
  return {
    codeDigest,
    stateDirectory: RPM_STATE_DIRECTORY,
    upgradeMarker: `${RPM_STATE_DIRECTORY}/${plan.name}.upgrade`,
    digestDirectory: CODE_DIGEST_DIRECTORY,
    digestFile: `${CODE_DIGEST_DIRECTORY}/${plan.name}.code-digest`,
  };
}

/** Every scriptlet the package needs; a section with nothing to do is left out. */
export function renderRpmScriptlets(plan: PackagePlan, options: RpmScriptletOptions = {}): RpmScriptlets {
  const codeDigest = options.codeDigest ?? '';
  if (codeDigest !== '' && !DIGEST.test(codeDigest)) {
    throw new Error(`codeDigest: expected 64 lower-case hex digits or a spec macro such as %{?name}, got ${JSON.stringify(codeDigest)}`);
  }
  const services = plan.services;
  const reversed = [...services].reverse();
  const state = stateView(plan, codeDigest);
  const pre: string[] = [];
  if (plan.accounts.length > 0) {
    pre.push(
      snippet('pre-accounts', {
        sysusersFile: `/${sysusersPath(plan.name)}`,
        accounts: plan.accounts.map((account) => ({ ...account, gecos: `${account.user} service account` })),
      }),
    );
  }
  if (services.length > 0) pre.push(snippet('pre-mark-upgrade', state));
  const post = services.map((service) => snippet('post-systemd-preset', { unit: unitOf(service) }));
  const preun = reversed.map((service) => snippet('preun-systemd-stop', { unit: unitOf(service) }));
  const postun =
    services.length > 0 ? [snippet('postun-systemd-daemon-reload', {}), snippet('postun-forget-digest', state)] : [];
  const posttrans =
    services.length > 0
      ? [
          snippet('posttrans-code-digest', state),
          ...services.map((service) =>
            snippet('posttrans-upgrade', {
              package: plan.name,
              unit: unitOf(service),
              detectsConffileOnly: distinguishesConffileOnly(service),
              onUpgrade: service.onUpgrade,
              onConffileOnlyUpgrade: service.onConffileOnlyUpgrade,
            }),
          ),
        ]
      : [];
  const sections: [keyof RpmScriptlets, string[]][] = [
    ['pre', pre],
    ['post', post],
    ['preun', preun],
    ['postun', postun],
    ['posttrans', posttrans],
  ];
  const scriptlets: RpmScriptlets = {};
  for (const [name, snippets] of sections) if (snippets.length > 0) scriptlets[name] = snippets.join('');
  return scriptlets;
}

/** Packages the scriptlets run, for `Requires(pre)` and friends. */
export function requiredByScriptlets(plan: PackagePlan): { pre: string[]; post: string[]; preun: string[]; postun: string[] } {
  const systemd = plan.services.length > 0 ? ['systemd'] : [];
  return {
    pre: plan.accounts.length > 0 ? ['shadow-utils'] : [],
    post: systemd,
    preun: systemd,
    postun: systemd,
  };
}
