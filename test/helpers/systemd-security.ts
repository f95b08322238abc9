// Runs `systemd-analyze security --offline=true` on unit files and reads the overall exposure it prints.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GeneratedFile } from '../../generators/target.js';

/** One unit's exposure as systemd scores it (0 = fully sandboxed … 10 = unprotected), with the full table. */
export interface SecurityScore {
  unit: string;
  exposure: number;
  report: string;
}

/** The version line of systemd-analyze; throws saying what is missing when it cannot run. */
export function systemdAnalyzeVersion(): string {
  const probe = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`systemd-analyze is missing or broken (${probe.error?.message ?? probe.stderr.trim()}): install Debian's systemd package`);
  }
  return probe.stdout.split('\n')[0] ?? '';
}

/** Scores every unit offline (no running systemd needed); throws when systemd-analyze fails or prints no score. */
export function scoreUnits(units: readonly GeneratedFile[]): SecurityScore[] {
  const dir = mkdtempSync(join(tmpdir(), 'reloadkit-security-'));
  try {
    return units.map((unit) => {
      const name = unit.path.split('/').pop() as string;
      const path = join(dir, name);
      writeFileSync(path, unit.content);
      const run = spawnSync('systemd-analyze', ['security', '--offline=true', '--no-pager', path], { encoding: 'utf8' });
      const found = /Overall exposure level for \S+: (\d+(?:\.\d+)?)/.exec(run.stdout);
      if (run.error || found === null) {
        throw new Error(`systemd-analyze security ${name} gave no score (exit ${run.status}): ${run.error?.message ?? run.stderr.trim()}`);
      }
      return { unit: name, exposure: Number(found[1]), report: run.stdout };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
