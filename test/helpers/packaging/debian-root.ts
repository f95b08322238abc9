// A throw-away Debian 12 root file system for installing packages with dpkg: made by mmdebstrap from the
// mirror this machine's apt uses, cached as a tarball named by its recipe's hash, unpacked per test.
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool, type ToolResult } from '../../../packaging/run-tool.js';
import { findDebianMirror } from '../../containers/debian-mirror.js';
import { ensureCached } from './cache-lock.js';
import { packagingCacheDir } from './compiled-build.js';

/** What goes into the root file system: nodejs runs the services, adduser creates the account. */
export const rootRecipe = { suite: 'bookworm', variant: 'minbase', include: ['nodejs', 'adduser'] };

/** mmdebstrap's arguments before the output path (the mirror comes last, read at run time). */
function mmdebstrapArguments(): string[] {
  return ['--quiet', `--variant=${rootRecipe.variant}`, `--include=${rootRecipe.include.join(',')}`, '--format=tar', rootRecipe.suite];
}

/** Where invoke-rc.d's policy layer records every action it was asked for, inside the root. */
export const policyLogPath = '/var/tmp/policy-rc.d.log';

/** Where the invoke-rc.d stub records every call, inside the root. */
export const invokeLogPath = '/var/tmp/invoke-rc.d.log';

/**
 * Diverts invoke-rc.d to a stub that records each call and answers `status` with "running" (exit 0), so that
 * upgrades take their reload-or-restart branch; every other action goes to the real invoke-rc.d, which asks
 * policy-rc.d (and is refused).
 */
export const invokeRcDStub = [
  'dpkg-divert --quiet --local --rename --add /usr/sbin/invoke-rc.d',
  `cat > /usr/sbin/invoke-rc.d <<'EOF'`,
  '#!/bin/sh',
  '# Test stub: record the call; answer "status" with "running"; pass everything else to the real one.',
  `echo "$*" >> ${invokeLogPath}`,
  'for arg in "$@"; do [ "$arg" = status ] && exit 0; done',
  'exec /usr/sbin/invoke-rc.d.distrib "$@"',
  'EOF',
  'chmod 755 /usr/sbin/invoke-rc.d',
].join('\n');

/** Where the systemctl stub records every call, inside the root. */
export const systemctlLogPath = '/var/tmp/systemctl.log';

/**
 * Makes the root look like a system booted with systemd to the maintainer scripts: /run/systemd/system exists
 * and systemctl is a stub that records each call, answers is-active with "active" and is-enabled with
 * "enabled". deb-systemd-invoke then asks policy-rc.d (which refuses) before it would call systemctl.
 */
export const systemdLookalike = [
  'mkdir -p /run/systemd/system',
  `cat > /usr/bin/systemctl <<'EOF'`,
  '#!/bin/sh',
  '# Test stub: record the call; every unit is enabled and active.',
  `echo "$*" >> ${systemctlLogPath}`,
  'for arg in "$@"; do [ "$arg" = is-enabled ] && echo enabled; done',
  'exit 0',
  'EOF',
  'chmod 755 /usr/bin/systemctl',
].join('\n');

/** A policy-rc.d that forbids every action (exit 101) after logging it, so tests see what was asked. */
export const policyRcD = `#!/bin/sh\n# Forbid starting anything; record what was asked.\necho "$*" >> ${policyLogPath}\nexit 101\n`;

/** Names the cached tarball: a different recipe never reuses an old root file system. */
function recipeHash(): string {
  return createHash('sha256').update(JSON.stringify(mmdebstrapArguments())).digest('hex').slice(0, 12);
}

/** The cached tarball of the root file system, built with mmdebstrap the first time (about a minute). */
export async function ensureRootTarball(onProgress: (message: string) => void = () => undefined): Promise<string> {
  await mkdir(packagingCacheDir, { recursive: true });
  const tarball = join(packagingCacheDir, `${rootRecipe.suite}-${recipeHash()}.tar`);
  return ensureCached(tarball, async (tmp) => {
    onProgress(`building a ${rootRecipe.suite} root file system with mmdebstrap (about a minute)`);
    const mirror = findDebianMirror();
    await runTool('mmdebstrap', [...mmdebstrapArguments(), tmp, `deb ${mirror} ${rootRecipe.suite} main`]);
  });
}

/** The whole environment of commands in the root: nothing of the test process's. */
const rootEnvironment = ['PATH=/usr/sbin:/usr/bin:/sbin:/bin', 'HOME=/root', 'LANG=C.UTF-8', 'DEBIAN_FRONTEND=noninteractive'];

/** An unpacked root file system with the policy-rc.d installed; `remove()` deletes it. */
export interface DebianRoot {
  dir: string;
  /** Runs `script` with /bin/sh inside the root (chroot); rejects on an exit code not in okExitCodes. */
  run(script: string, okExitCodes?: number[]): Promise<ToolResult>;
  /** Copies a file from the host into the root's /tmp; returns its path inside the root. */
  copyIn(hostPath: string): Promise<string>;
  /** Returns the lines of a log inside the root (policyLogPath, invokeLogPath) and empties it. */
  takeLog(path: string): Promise<string[]>;
  remove(): Promise<void>;
}

/** Unpacks the cached tarball into a new temporary directory. */
export async function createDebianRoot(onProgress?: (message: string) => void): Promise<DebianRoot> {
  const tarball = await ensureRootTarball(onProgress);
  const dir = await mkdtemp(join(tmpdir(), 'packaging-root-'));
  await runTool('tar', ['-xf', tarball, '-C', dir]);
  await writeFile(join(dir, 'usr/sbin/policy-rc.d'), policyRcD);
  await chmod(join(dir, 'usr/sbin/policy-rc.d'), 0o755);
  return {
    dir,
    run: (script, okExitCodes = [0]) =>
      // env -i: tap adds NODE_OPTIONS to every child's environment, which would break node inside the root.
      runTool('chroot', [dir, '/usr/bin/env', '-i', ...rootEnvironment, '/bin/sh', '-c', script], { okExitCodes }),
    async copyIn(hostPath) {
      const name = hostPath.slice(hostPath.lastIndexOf('/') + 1);
      await writeFile(join(dir, 'tmp', name), await readFile(hostPath));
      return `/tmp/${name}`;
    },
    async takeLog(path) {
      const text = await readFile(join(dir, path), 'utf8').catch(() => '');
      await writeFile(join(dir, path), '');
      return text.split('\n').filter((line) => line.length > 0);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Every path in the root except the virtual and scratch file systems, sorted (for before/after comparisons). */
export async function listRootPaths(dir: string): Promise<string[]> {
  const skipped = new Set(['/proc', '/dev', '/sys', '/run', '/tmp', '/var/tmp']);
  const found: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const item of await readdir(join(dir, rel), { withFileTypes: true })) {
      const path = `${rel}/${item.name}`;
      if (skipped.has(path)) continue;
      found.push(path);
      if (item.isDirectory()) await walk(path);
    }
  };
  await walk('');
  return found.sort();
}
