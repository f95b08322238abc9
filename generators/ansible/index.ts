// Target `ansible`: a playbook and a role that roll a new configuration file over an inventory group, a
// canary host first, then batches, never two hosts of one cluster draining at once, stopping at the first
// failure with the failed host's previous file back (docs/fleet.md).
import type { Manifest } from '../manifest/index.js';
import { readStaticTemplate, renderTemplate } from '../render/handlebars.js';
import type { GeneratedFile, Target } from '../target.js';
import { buildRolloutCommands, type RolloutCommands } from './client-commands.js';

/** The playbook, at the top of the output folder. */
export const PLAYBOOK_PATH = 'rolling-reload.yml';

/** The role's task files, copied as they are from templates/ansible/role/tasks/ (they hold no manifest value). */
export const ROLE_TASK_FILES = ['preflight.yml', 'roll.yml', 'reload-host.yml', 'reload-service.yml', 'report.yml'] as const;

/** The role's filter that reads an option of an INI text (Ansible's ini lookup fails on a missing section). */
export const ROLE_FILTER_PLUGIN = 'filter_plugins/reloadkit_ini.py';

/** An INI option as the role reads it. */
interface OptionView {
  name: string;
  section: string;
  option: string;
}

/** What templates/ansible/role/vars/main.yml.hbs lists for one service. */
interface ServiceView extends RolloutCommands {
  name: string;
  configFiles: string[];
  timeout: number;
}

/** The role's name: the package's, in the letters Ansible allows in role names (`cinder` → `cinder_rolling_reload`). */
export function roleName(manifest: Manifest): string {
  const base = manifest.package.name.replace(/[^a-z0-9_]/g, '_');
  return `${/^[a-z]/.test(base) ? '' : 'pkg_'}${base}_rolling_reload`;
}

function optionView(name: string): OptionView {
  const dot = name.indexOf('.');
  return { name, section: name.slice(0, dot), option: name.slice(dot + 1) };
}

/** Every config file of the services, once each, in manifest order. */
function listConfigFiles(manifest: Manifest): string[] {
  return [...new Set(manifest.services.flatMap((service) => service.config_files.map((file) => file.path)))];
}

/** The playbook and role files; nothing when no service reads a configuration file. */
export function renderAnsibleFiles(manifest: Manifest): GeneratedFile[] {
  const configFiles = listConfigFiles(manifest);
  if (configFiles.length === 0) return [];
  const services: ServiceView[] = [];
  manifest.services.forEach((service, index) => {
    if (service.config_files.length === 0) return;
    services.push({
      name: service.name,
      configFiles: service.config_files.map((file) => file.path),
      timeout: service.reload.timeout,
      ...buildRolloutCommands(service, index),
    });
  });
  const role = `roles/${roleName(manifest)}`;
  const view = {
    packageName: manifest.package.name,
    roleName: roleName(manifest),
    configFile: configFiles[0],
    configFiles,
    services,
    equalOptions: manifest.fleet.equal_options.map(optionView),
    clusterOption: manifest.fleet.cluster_option === undefined ? undefined : optionView(manifest.fleet.cluster_option),
  };
  return [
    { path: PLAYBOOK_PATH, mode: 0o644, content: renderTemplate('ansible/rolling-reload.yml.hbs', view) },
    { path: `${role}/defaults/main.yml`, mode: 0o644, content: renderTemplate('ansible/role/defaults/main.yml.hbs', view) },
    { path: `${role}/vars/main.yml`, mode: 0o644, content: renderTemplate('ansible/role/vars/main.yml.hbs', view) },
    ...ROLE_TASK_FILES.map((file) => ({
      path: `${role}/tasks/${file}`,
      mode: 0o644,
      content: readStaticTemplate(`ansible/role/tasks/${file}`),
    })),
    { path: `${role}/${ROLE_FILTER_PLUGIN}`, mode: 0o644, content: readStaticTemplate(`ansible/role/${ROLE_FILTER_PLUGIN}`) },
  ];
}

/** Generates rolling-reload.yml and roles/<package>_rolling_reload/ for the services that read config files. */
export const ansibleTarget: Target = {
  name: 'ansible',
  description: 'Ansible playbook and role rolling a new configuration file over a fleet, one host per cluster at a time',
  kind: 'auxiliary',
  shell: 'none',
  installsUnder: [PLAYBOOK_PATH, 'roles/'],
  packaged: 'not-shipped',
  generate(manifest: Manifest): GeneratedFile[] {
    return renderAnsibleFiles(manifest);
  },
};
