// Installs what a generator target produces for one service into a container, as the init system expects
// it: the files at their paths, owned by root, with the generator's modes.

import { findTarget } from '../../generators/registry.js';
import type { Manifest } from '../../generators/manifest/index.js';
import type { Container } from './container.js';

// Writes the files `target` generates from `manifest` for `service` into the container.
export async function installGeneratedFiles(container: Container, target: string, manifest: Manifest, service: string): Promise<string[]> {
  const files = findTarget(target).generate(manifest, { systemdVersion: container.row.systemdVersion })
    .filter((file) => file.path.split('/').some((part) => part === service || part.startsWith(`${service}.`)));
  for (const file of files) {
    const path = `/${file.path}`;
    await container.run(`mkdir -p "$(dirname '${path}')"`);
    await container.writeFile(path, file.content);
    await container.run(`chown root:root '${path}' && chmod ${file.mode.toString(8)} '${path}'`);
  }
  return files.map((file) => file.path);
}
