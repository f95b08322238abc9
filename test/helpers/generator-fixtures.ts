// Manifests for generator tests: the cinder example, the golden edge cases, and stub-backed services.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseManifest, validateManifest, type Manifest, type ManifestInput } from '../../generators/manifest/index.js';

type ServiceInput = ManifestInput['services'][number];

/** Reads a manifest of the repository by path relative to its root. */
export function loadRepositoryManifest(path: string): Manifest {
  const file = fileURLToPath(new URL(`../../${path}`, import.meta.url));
  return parseManifest(readFileSync(file, 'utf8'), 'reloadkit.yaml');
}

/** The manifests every target's checks run over. */
export function loadManifestsUnderTest(): { name: string; manifest: Manifest }[] {
  return [
    { name: 'cinder', manifest: loadRepositoryManifest('examples/cinder/reloadkit.yaml') },
    { name: 'minimal', manifest: loadRepositoryManifest('test/golden/manifests/minimal.yaml') },
    { name: 'hostile', manifest: loadRepositoryManifest('test/golden/manifests/hostile.yaml') },
  ];
}

/** A one-service manifest whose program is `program` and whose reload client is `program reload …`. */
export function buildStubManifest(name: string, program: string, overrides: Partial<ServiceInput> = {}): Manifest {
  return validateManifest(
    {
      package: {
        name: 'stub',
        version: '1.0',
        maintainer: 'Stub <stub@example.org>',
        description: 'stub package',
      },
      services: [
        {
          name,
          description: 'Stub service',
          exec: program,
          reload: { command: [program, 'reload'], check_command: [program, 'check-config'], timeout: 20 },
          drain_timeout: 5,
          stop_timeout: 10,
          ...overrides,
        },
      ],
    },
    'stub.yaml',
  );
}

/** A random service name of `prefix` plus 6 letters, short enough to be a whole process name. */
export function randomServiceName(prefix: string): string {
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  return `${prefix}${letters}`;
}
