// Finds the Debian mirror the images are built from: the one this machine's apt already uses, read at
// run time so that no mirror address is ever written into the repository.

import { readFileSync } from 'node:fs';
import { HarnessError } from './errors.js';

// Where apt's sources are read from, in order of preference.
export const aptSourceFiles = ['/etc/apt/sources.list.d/debian.sources', '/etc/apt/sources.list'];

// Picks the archive URI of the first `deb` stanza of a deb822 .sources file that serves the main archive (not security).
export function parseDeb822Mirror(text: string): string | undefined {
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of stanza.split('\n')) {
      const match = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
      if (match?.[1] && match[2] !== undefined) fields.set(match[1].toLowerCase(), match[2].trim());
    }
    const types = (fields.get('types') ?? '').split(/\s+/);
    const suites = (fields.get('suites') ?? '').split(/\s+/);
    const uri = (fields.get('uris') ?? '').split(/\s+/)[0];
    if (types.includes('deb') && uri && !suites.every((suite) => suite.endsWith('-security'))) return uri;
  }
  return undefined;
}

// Picks the URI of the first non-security `deb` line of a one-line-style sources.list.
export function parseSourcesListMirror(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const match = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line.trim());
    if (match?.[1] && match[2] && !match[2].endsWith('-security')) return match[1];
  }
  return undefined;
}

// Returns the mirror URI: RELOADKIT_DEBIAN_MIRROR if set, else the one in apt's sources on this machine.
export function findDebianMirror(env: NodeJS.ProcessEnv = process.env, files = aptSourceFiles): string {
  const fromEnv = env['RELOADKIT_DEBIAN_MIRROR']?.trim();
  if (fromEnv) return fromEnv;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const uri = file.endsWith('.sources') ? parseDeb822Mirror(text) : parseSourcesListMirror(text);
    if (uri) return uri;
  }
  throw new HarnessError(
    `cannot find a Debian mirror: none of ${files.join(', ')} has a "deb" entry for the main archive; ` +
      'set RELOADKIT_DEBIAN_MIRROR to the archive URI the images should be built from',
  );
}
