// Every generator target by name: adding an init system or package format is one line here; every list of
// targets (CLI, tests, packaging) is derived from this one.
import { ansibleTarget } from './ansible/index.js';
import { debTarget } from './deb/index.js';
import { logrotateTarget } from './logrotate/index.js';
import { openrcTarget } from './openrc/index.js';
import { rpmTarget } from './rpm/index.js';
import { runitTarget } from './runit/index.js';
import { s6Target } from './s6/index.js';
import { systemdTarget } from './systemd/index.js';
import { sysvTarget } from './sysv/index.js';
import type { Target } from './target.js';

/** All targets, in the order `reloadkit targets` lists them and `--target all` writes them. */
export const targets: readonly Target[] = [systemdTarget, sysvTarget, openrcTarget, runitTarget, s6Target, logrotateTarget, ansibleTarget, debTarget, rpmTarget];

/** The names `--target` accepts, in registry order, then `all`. */
export function acceptedTargetNames(): string[] {
  return [...targets.map((target) => target.name), 'all'];
}

/** The target called `name`, or an error naming the known ones. */
export function findTarget(name: string): Target {
  const target = targets.find((candidate) => candidate.name === name);
  if (!target) {
    throw new Error(`unknown target ${JSON.stringify(name)}; expected one of ${acceptedTargetNames().join(', ')}`);
  }
  return target;
}
