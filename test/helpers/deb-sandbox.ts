// Debian-side defaults for the maintainer-script sandbox: stubbed dpkg and init tools, and small manifests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateManifest, type Manifest } from '../../generators/manifest/index.js';
import type { StubAnswer } from './maintainer-script-sandbox.js';

/** Where the stubbed dpkg-query says the installed package's md5sums are. */
export const MD5SUMS_PATH = '/var/lib/dpkg/info/pkg.md5sums';

/** Stubs of every tool a deb maintainer script calls; `overrides` replace a tool's answers. */
export function debStubs(overrides: Record<string, StubAnswer[]> = {}): Record<string, StubAnswer[]> {
  return {
    'deb-systemd-helper': [{ pattern: '*was-enabled*', exit: 0 }],
    'deb-systemd-invoke': [],
    'invoke-rc.d': [{ pattern: '*status', exit: 0 }],
    'update-rc.d': [],
    systemctl: [{ pattern: '*is-active*', exit: 0 }],
    'dpkg-query': [{ pattern: '--control-path*md5sums', stdout: MD5SUMS_PATH }],
    'dpkg-statoverride': [{ pattern: '--list*', exit: 1 }],
    'systemd-sysusers': [],
    getent: [{ pattern: '*', exit: 2 }],
    adduser: [],
    addgroup: [],
    chown: [],
    ...overrides,
  };
}

/** A valid manifest of one package `pkg` whose services take the given settings (name → overrides). */
export function manifestWith(services: Record<string, Record<string, unknown>>): Manifest {
  return validateManifest(
    {
      package: { name: 'pkg', version: '1.0.1', maintainer: 'Test Maintainer <test@example.org>', description: 'Test package' },
      services: Object.entries(services).map(([name, settings]) => ({
        name,
        description: `${name} service`,
        exec: `/usr/bin/${name}`,
        reload: { command: [`/usr/bin/${name}`, 'reload'], check_command: [`/usr/bin/${name}`, 'check-config'], timeout: 30 },
        drain_timeout: 10,
        stop_timeout: 20,
        ...settings,
      })),
    },
    'test manifest',
  );
}

/** The cinder example manifest of the repository. */
export async function loadCinderManifest(): Promise<Manifest> {
  const { parseManifest } = await import('../../generators/manifest/index.js');
  const file = join(import.meta.dirname, '../../examples/cinder/reloadkit.yaml');
  return parseManifest(readFileSync(file, 'utf8'), 'examples/cinder/reloadkit.yaml');
}
