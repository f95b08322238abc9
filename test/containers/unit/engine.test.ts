import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { chooseEngine } from '../engine.js';

const bin = mkdtempSync(join(tmpdir(), 'rk-engine-'));
for (const name of ['docker', 'podman']) {
  writeFileSync(join(bin, name), '#!/bin/sh\n');
  chmodSync(join(bin, name), 0o755);
}

t.test('Docker by default, podman by RELOADKIT_CONTAINER_ENGINE', async (t) => {
  t.same(chooseEngine({ PATH: bin }), { name: 'docker', client: join(bin, 'docker') });
  t.same(chooseEngine({ PATH: bin, RELOADKIT_CONTAINER_ENGINE: 'podman' }), { name: 'podman', client: join(bin, 'podman') });
});

t.test('an unknown engine is refused with what is accepted', async (t) => {
  t.throws(() => chooseEngine({ PATH: bin, RELOADKIT_CONTAINER_ENGINE: 'lxc' }), {
    name: 'HarnessError',
    message: 'RELOADKIT_CONTAINER_ENGINE: expected "docker" or "podman", got "lxc"',
  });
});

t.test('a missing client fails and says what to install', async (t) => {
  t.throws(() => chooseEngine({ PATH: '/nonexistent' }), {
    message:
      'cannot run the container tests: "docker" is not installed (no docker on PATH); ' +
      "install Debian's docker.io as root: bash scripts/install-deps.sh",
  });
  t.throws(() => chooseEngine({ PATH: '/nonexistent', RELOADKIT_CONTAINER_ENGINE: 'podman' }), {
    message:
      'cannot run the container tests: "podman" is not installed (no podman on PATH); ' +
      "install Debian's podman as root: apt-get install podman",
  });
});
