// /usr/share/doc/<pkg>/changelog.Debian from the spec's changelog (Debian policy §4.4).
import type { ChangelogEntry, PackageSpec } from '../package-spec.js';
import { PackagingError } from '../errors.js';
import { wrapWords } from '../text-wrap.js';

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO 8601 date as RFC 5322 (`Fri, 27 Nov 2026 00:00:00 +0000`), in UTC. */
export function formatRfc5322Date(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    throw new PackagingError(`changelog: date: expected an ISO 8601 date such as 2026-11-27, got "${iso}"`);
  }
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${days[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

function renderEntry(sourceName: string, release: string, entry: ChangelogEntry): string {
  const changes = entry.changes
    .map((change) => wrapWords(change, 76).map((line, i) => (i === 0 ? `  * ${line}` : `    ${line}`)).join('\n'))
    .join('\n');
  return (
    `${sourceName} (${entry.version}-${release}) unstable; urgency=medium\n\n${changes}\n\n` +
    ` -- ${entry.author}  ${formatRfc5322Date(entry.date)}\n`
  );
}

/** Renders changelog.Debian; the newest entry must carry the spec's version. */
export function renderDebChangelog(spec: PackageSpec): string {
  const newest = spec.changelog[0];
  if (!newest || newest.version !== spec.version) {
    throw new PackagingError(
      `changelog: the newest entry must be for version ${spec.version}, got ${newest ? `"${newest.version}"` : 'no entries'}`,
    );
  }
  return spec.changelog.map((entry) => renderEntry(spec.source, spec.release, entry)).join('\n');
}
