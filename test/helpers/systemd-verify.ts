// Runs `systemd-analyze verify` on generated units inside a scratch root that holds stub ExecStart binaries.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from '../../generators/target.js';
import { ensureTrixieRoot } from './trixie-root.js';

/** What systemd-analyze printed and how it exited. */
export interface VerifyResult {
  status: number | null;
  stdout: string;
  stderr: string;
  systemdVersion: string;
}

/** Programs the units run: every absolute path at the start of an Exec*= value. */
function listExecutables(units: readonly GeneratedFile[]): string[] {
  const found = new Set<string>();
  for (const unit of units) {
    for (const match of unit.content.matchAll(/^Exec[A-Za-z]*=[-@:+!]*(\/\S+)/gm)) found.add(match[1] as string);
  }
  return [...found];
}

function prepareScratchRoot(parent: string, systemUnits: string, units: readonly GeneratedFile[]): string {
  const scratch = mkdtempSync(join(parent, 'reloadkit-verify-'));
  mkdirSync(join(scratch, 'usr/lib/systemd'), { recursive: true });
  cpSync(systemUnits, join(scratch, 'usr/lib/systemd/system'), { recursive: true });
  for (const program of listExecutables(units)) {
    mkdirSync(join(scratch, dirname(program)), { recursive: true });
    writeFileSync(join(scratch, program), '#!/bin/sh\nexit 0\n');
    chmodSync(join(scratch, program), 0o755);
  }
  // Services of other packages the units depend on: present as minimal units, as they would be installed.
  for (const unit of units) {
    for (const match of unit.content.matchAll(/^(?:Requires|Wants|After)=(.*)$/gm)) {
      for (const name of (match[1] as string).split(' ').filter((dependency) => dependency.endsWith('.service'))) {
        if (existsSync(join(systemUnits, name))) continue;
        mkdirSync(join(scratch, 'etc/systemd/system'), { recursive: true });
        writeFileSync(join(scratch, 'etc/systemd/system', name), '[Unit]\nDescription=Dependency stub\n\n[Service]\nExecStart=/usr/bin/stub-dependency\n');
        mkdirSync(join(scratch, 'usr/bin'), { recursive: true });
        writeFileSync(join(scratch, 'usr/bin/stub-dependency'), '#!/bin/sh\n');
        chmodSync(join(scratch, 'usr/bin/stub-dependency'), 0o755);
      }
    }
  }
  for (const unit of units) {
    const path = join(scratch, 'etc/systemd/system', unit.path.split('/').pop() as string);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, unit.content);
  }
  return scratch;
}

/**
 * Verifies `units` with this host's systemd (`host`) or with systemd 257 from a Debian trixie root file
 * system entered by chroot (`trixie`), which understands Type=notify-reload.
 */
export function verifySystemdUnits(units: readonly GeneratedFile[], verifier: 'host' | 'trixie'): VerifyResult {
  const systemRoot = verifier === 'host' ? '/' : ensureTrixieRoot();
  const scratchParent = join(systemRoot, 'tmp');
  const scratch = prepareScratchRoot(scratchParent, join(systemRoot, 'usr/lib/systemd/system'), units);
  try {
    const inner = verifier === 'host' ? scratch : `/tmp/${scratch.split('/').pop() as string}`;
    const unitArgs = units.map((unit) => `/etc/systemd/system/${unit.path.split('/').pop() as string}`);
    const run = (args: string[]) =>
      verifier === 'host'
        ? spawnSync('systemd-analyze', args, { encoding: 'utf8' })
        : spawnSync('chroot', [systemRoot, 'systemd-analyze', ...args], { encoding: 'utf8' });
    const result = run(['verify', `--root=${inner}`, ...unitArgs]);
    return {
      status: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
      systemdVersion: (run(['--version']).stdout.split('\n')[0] ?? '').trim(),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
