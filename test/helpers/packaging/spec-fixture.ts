// A small package spec the packaging unit tests build on.
import type { PackageSpec } from '../../../packaging/package-spec.js';

/** A valid spec of a tiny package; `overrides` replace fields. */
export function fixtureSpec(overrides: Partial<PackageSpec> = {}): PackageSpec {
  return {
    name: 'demo-tool',
    source: 'demo',
    version: '1.2.0',
    release: '3',
    maintainer: 'Demo Maintainer <demo@example.org>',
    summary: 'demonstration tool for the packaging pipeline',
    description: 'First paragraph of the long description, long enough to be wrapped at the width the format asks for, which is below eighty columns.\n\nSecond paragraph.',
    homepage: 'https://example.org/demo',
    license: 'Apache-2.0',
    copyright: '2026 Demo Authors',
    section: 'net',
    depends: [{ name: 'nodejs', constraint: { operator: '>=', version: '18' } }, { name: 'demo-common', constraint: { operator: '=', version: '1.2.0-3' } }],
    entries: [
      { kind: 'file', path: '/usr/bin/demo-tool', mode: 0o755, content: '#!/bin/sh\nexec /usr/bin/node /usr/share/demo/main.js "$@"\n' },
      { kind: 'file', path: '/usr/share/demo/main.js', mode: 0o644, content: 'console.log("demo");\n' },
      { kind: 'file', path: '/etc/demo/demo.conf', mode: 0o640, group: 'demo', content: '[DEFAULT]\n' },
      { kind: 'directory', path: '/var/lib/demo', mode: 0o750, owner: 'demo', group: 'demo' },
    ],
    changelog: [
      { version: '1.2.0', date: '2026-11-27', author: 'Demo Maintainer <demo@example.org>', changes: ['Second release.'] },
      { version: '1.1.0', date: '2026-01-05', author: 'Demo Maintainer <demo@example.org>', changes: ['First release.'] },
    ],
    debScripts: {},
    rpmScripts: {},
    ...overrides,
  };
}
