// Warns when a package name is already one a configured archive offers (`apt-cache policy <name>` knows it):
// apt would take the archive's package for a newer version of ours, or ours for an old one of theirs.
import { runTool } from './run-tool.js';
import { PackagingError } from './errors.js';

/** A package name an archive also uses, with the archive's candidate version and where it comes from. */
export interface ArchiveName {
  name: string;
  candidate: string;
  sources: string[];
}

/**
 * Reads `apt-cache policy <name>` output: the candidate version and every source in the version table except the
 * local dpkg status (an installed package of ours is no archive). Undefined when no archive offers the name.
 */
export function parseAptPolicy(name: string, output: string): ArchiveName | undefined {
  const candidate = /^\s+Candidate: (\S+)$/m.exec(output)?.[1];
  const sources = [...output.matchAll(/^\s+-?\d+ (\S+(?: \S+)*)$/gm)]
    .map((match) => match[1] as string)
    .filter((source) => !source.startsWith('/var/lib/dpkg/status'));
  if (candidate === undefined || candidate === '(none)' || sources.length === 0) return undefined;
  return { name, candidate, sources: [...new Set(sources)] };
}

/** What the check found: the names archives use, or why it could not look. */
export type ArchiveNameCheck = { checked: true; found: ArchiveName[] } | { checked: false; reason: string };

/** Asks apt-cache about every name; apt-cache missing (not a Debian-like system) is reported, not an error. */
export async function findArchiveNames(names: readonly string[], aptCache = 'apt-cache'): Promise<ArchiveNameCheck> {
  const found: ArchiveName[] = [];
  for (const name of names) {
    let output: string;
    try {
      output = (await runTool(aptCache, ['policy', name])).stdout;
    } catch (error) {
      if (error instanceof PackagingError && error.message.startsWith(`\`${aptCache}\` is not installed`)) {
        return { checked: false, reason: `${aptCache} is not installed` };
      }
      throw error;
    }
    const known = parseAptPolicy(name, output);
    if (known) found.push(known);
  }
  return { checked: true, found };
}

/** The lines a user sees: one warning per name an archive uses, or one note that the check was skipped. */
export function describeArchiveNames(check: ArchiveNameCheck): string[] {
  if (!check.checked) return [`note: package names not checked against the distribution archives (${check.reason})`];
  return check.found.map(
    (known) =>
      `warning: package name ${known.name} is also in the archive (${known.candidate} from ${known.sources[0]}): apt may replace ` +
      'one with the other on upgrade; choose a name no archive uses (packages[].name), and declare conflicts for shared paths',
  );
}
