// Debian 12's real cinder.conf sample (package cinder-common, usr/share/cinder-common/cinder.conf), fetched
// with `apt-get download` once and cached under the git-ignored .cache/. Fails saying why when it cannot be.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cinder-processes.js';

/** Where the extracted package is kept between runs. */
const CACHE = join(ROOT, '.cache', 'debian-cinder-common');

/** The path of the sample cinder.conf, downloading and extracting cinder-common first if needed. */
export function debianCinderConf(): string {
  const conf = join(CACHE, 'root', 'usr', 'share', 'cinder-common', 'cinder.conf');
  if (existsSync(conf)) return conf;
  mkdirSync(CACHE, { recursive: true });
  const work = mkdtempSync(join(CACHE, 'download-'));
  try {
    run('apt-get', ['download', 'cinder-common'], work);
    const deb = readdirSync(work).find((name) => name.startsWith('cinder-common_') && name.endsWith('.deb'));
    if (!deb) throw new Error(`apt-get download cinder-common left no cinder-common_*.deb in ${work}`);
    run('dpkg-deb', ['-x', deb, 'root'], work);
    if (!existsSync(join(work, 'root', 'usr', 'share', 'cinder-common', 'cinder.conf'))) {
      throw new Error(`${deb} has no usr/share/cinder-common/cinder.conf`);
    }
    rmSync(join(CACHE, 'root'), { recursive: true, force: true });
    renameSync(join(work, 'root'), join(CACHE, 'root'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return conf;
}

/** Runs a tool; the error says which one failed, how, and what it printed. */
function run(command: string, args: string[], cwd: string): void {
  try {
    execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
  } catch (cause) {
    const error = cause as { stderr?: Buffer; message: string };
    throw new Error(`cannot get Debian's cinder.conf sample: \`${command} ${args.join(' ')}\` failed (needs apt sources for Debian 12 `
      + `and network access): ${error.stderr?.toString().trim() || error.message}`, { cause });
  }
}
