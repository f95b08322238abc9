// A Debian trixie root file system (systemd 257) for verifying Type=notify-reload units, built once and cached.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES_FILE = '/etc/apt/sources.list.d/debian.sources';
const SUITE = 'trixie';

/** Where the root file system is cached: RELOADKIT_CACHE_DIR or /var/cache/reloadkit. */
export function trixieRootPath(): string {
  return join(process.env.RELOADKIT_CACHE_DIR ?? '/var/cache/reloadkit', `${SUITE}-systemd`);
}

/** The Debian mirror this machine already uses, read from its apt sources (never stored in the repository). */
export function readDebianMirror(): string {
  let text: string;
  try {
    text = readFileSync(SOURCES_FILE, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${SOURCES_FILE} to find a Debian mirror for the ${SUITE} root file system`, {
      cause: error,
    });
  }
  const mirror = text
    .split('\n\n')
    .filter((stanza) => /^Suites:.*\bbookworm\b/m.test(stanza) || /^Suites:.*\btrixie\b/m.test(stanza))
    .map((stanza) => /^URIs:\s*(\S+)/m.exec(stanza)?.[1])
    .find((uri) => uri !== undefined && !uri.includes('security'));
  if (!mirror) throw new Error(`no Debian main archive URI found in ${SOURCES_FILE}`);
  return mirror;
}

/**
 * Returns the path of a trixie root file system with systemd, building it with mmdebstrap on first use
 * (about a minute, needs root and network access to the mirror). Throws, saying what is missing, otherwise.
 */
export function ensureTrixieRoot(): string {
  const root = trixieRootPath();
  if (existsSync(join(root, 'usr/bin/systemd-analyze'))) return root;
  if (process.getuid?.() !== 0) throw new Error(`building ${root} with mmdebstrap needs root`);
  if (spawnSync('mmdebstrap', ['--version']).status !== 0) {
    throw new Error('mmdebstrap is missing: install it (scripts/install-deps.sh does) to verify notify-reload units');
  }
  const building = `${root}.building`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(join(root, '..'), { recursive: true });
  const mirror = readDebianMirror();
  try {
    execFileSync(
      'mmdebstrap',
      ['--variant=minbase', '--include=systemd', SUITE, building, `deb ${mirror} ${SUITE} main`],
      { stdio: 'pipe', timeout: 15 * 60 * 1000 },
    );
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
    throw new Error(`cannot build the ${SUITE} root file system with mmdebstrap: ${stderr.slice(-800)}`, { cause: error });
  }
  renameSync(building, root);
  return root;
}
