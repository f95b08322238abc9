// Runs the generated playbook against the fleet from this machine (the controller): the ansible target's
// output for the cinder manifest, an inventory whose hosts are the containers (community.docker.docker
// connection, no SSH), and the report it leaves.

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { stringify } from 'yaml';
import { ansibleTarget } from '../../generators/ansible/index.js';
import type { Manifest } from '../../generators/manifest/index.js';
import type { FleetHost } from './fleet-hosts.js';

/** The inventory group the hosts are in: the one the playbook rolls over by default (the package's name). */
export const FLEET_GROUP = 'cinder';

/** One host's entry of fleet-report.json. */
export interface ReportEntry {
  outcome: 'reloaded' | 'failed' | 'skipped' | 'preflight failed' | 'not reached';
  reason?: string;
  restored?: boolean;
  file?: string;
  changed_options?: string[];
  services?: { service: string; exit: number; reload_id: number | null; outcome: string; changed: string[]; drained_in: string }[];
}

/** What a run left: ansible-playbook's exit code and output, and the report (undefined when none was written). */
export interface PlaybookRun {
  exitCode: number;
  output: string;
  report: { config_file: string; hosts: Record<string, ReportEntry> } | undefined;
  seconds: number;
}

/** A folder on the controller with the generated playbook and role, and where runs write their files. */
export interface Controller {
  dir: string;
  remove(): Promise<void>;
}

/** Writes the ansible target's files for `manifest` into a new folder. */
export async function prepareController(manifest: Manifest): Promise<Controller> {
  const dir = await mkdtemp(join(tmpdir(), 'rk-fleet-'));
  for (const file of ansibleTarget.generate(manifest, { systemdVersion: 252 })) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.content, { mode: file.mode });
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The inventory: every host in FLEET_GROUP, reached through its container, with `hostVars` added. */
function inventory(hosts: readonly FleetHost[], hostVars: Record<string, Record<string, unknown>>): string {
  const entries = Object.fromEntries(hosts.map((host) => [host.name, {
    ansible_connection: 'community.docker.docker',
    ansible_host: host.container.name,
    ansible_python_interpreter: '/usr/bin/python3',
    ...hostVars[host.name],
  }]));
  return stringify({ all: { children: { [FLEET_GROUP]: { hosts: entries } } } });
}

/** How one run is made. */
export interface RunOptions {
  /** The new cinder.conf, for every host. */
  newConf: string;
  /** Extra variables (-e) besides reloadkit_new_config. */
  extraVars?: Record<string, unknown>;
  hostVars?: Record<string, Record<string, unknown>>;
}

/** Runs rolling-reload.yml over `hosts` with a new file; never throws on a non-zero exit. */
export async function runRollingReload(controller: Controller, hosts: readonly FleetHost[], options: RunOptions): Promise<PlaybookRun> {
  const newConfig = join(controller.dir, 'new-cinder.conf');
  const report = join(controller.dir, 'fleet-report.json');
  await writeFile(newConfig, options.newConf);
  await writeFile(join(controller.dir, 'inventory.yml'), inventory(hosts, options.hostVars ?? {}));
  await rm(report, { force: true });
  const extraVars = { reloadkit_new_config: newConfig, reloadkit_report: report, ...options.extraVars };
  const startedAt = Date.now();
  const result = await execa('ansible-playbook', ['-i', 'inventory.yml', 'rolling-reload.yml', '-e', JSON.stringify(extraVars)], {
    cwd: controller.dir,
    reject: false,
    all: true,
    env: { ANSIBLE_PIPELINING: 'True', ANSIBLE_NOCOLOR: '1', ANSIBLE_FORCE_COLOR: '0', ANSIBLE_HOST_KEY_CHECKING: 'False', ANSIBLE_STDOUT_CALLBACK: 'default' },
    timeout: 600_000,
  });
  const text = await readFile(report, 'utf8').catch(() => undefined);
  return {
    exitCode: result.exitCode ?? 1,
    output: String(result.all ?? ''),
    report: text === undefined ? undefined : (JSON.parse(text) as PlaybookRun['report']),
    seconds: (Date.now() - startedAt) / 1000,
  };
}
