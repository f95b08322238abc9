// Debian's ansible and ansible-lint, which the ansible target's tests run: what is missing, said once.
import { spawnSync } from 'node:child_process';

/** The tools the generated playbooks are checked and run with. */
export const ANSIBLE_TOOLS = ['ansible-playbook', 'ansible-lint'] as const;

/** Why the ansible tests cannot run here (tools missing, and how to install them), or undefined when they can. */
export function missingAnsibleTools(): string | undefined {
  const missing = ANSIBLE_TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (missing.length === 0) return undefined;
  return `${missing.join(' and ')} not installed: install Debian's ansible and ansible-lint as root: bash scripts/install-deps.sh`;
}
