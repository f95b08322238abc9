// DEBIAN/control from a package spec (Debian policy §5.3, §5.6).
import type { Dependency, PackageSpec } from '../package-spec.js';
import { splitParagraphs, wrapWords } from '../text-wrap.js';

/** The Debian version of a spec: `<version>-<release>`. */
export function formatDebVersion(spec: PackageSpec): string {
  return `${spec.version}-${spec.release}`;
}

/** One dependency in Debian syntax: `nodejs (>= 18)`. */
export function formatDebDependency(dep: Dependency): string {
  if (!dep.constraint) return dep.name;
  return `${dep.name} (${dep.constraint.operator} ${dep.constraint.version})`;
}

/** The Description field: synopsis, then the long description wrapped at 79 columns, ` .` between paragraphs. */
export function formatDebDescription(spec: PackageSpec): string {
  const paragraphs = splitParagraphs(spec.description).map((p) => wrapWords(p, 78).map((l) => ` ${l}`).join('\n'));
  return `Description: ${spec.summary}\n${paragraphs.join('\n .\n')}`;
}

/** Renders DEBIAN/control; `installedSizeKiB` is what `Installed-Size` reports. */
export function renderDebControl(spec: PackageSpec, installedSizeKiB: number): string {
  const fields: [string, string | undefined][] = [
    ['Package', spec.name],
    ['Source', spec.source !== spec.name ? spec.source : undefined],
    ['Version', formatDebVersion(spec)],
    ['Architecture', 'all'],
    ['Maintainer', spec.maintainer],
    ['Installed-Size', String(installedSizeKiB)],
    ['Pre-Depends', spec.preDepends?.length ? spec.preDepends.map(formatDebDependency).join(', ') : undefined],
    ['Depends', spec.depends.length > 0 ? spec.depends.map(formatDebDependency).join(', ') : undefined],
    ['Conflicts', spec.conflicts?.length ? spec.conflicts.map(formatDebDependency).join(', ') : undefined],
    ['Replaces', spec.replaces?.length ? spec.replaces.map(formatDebDependency).join(', ') : undefined],
    ['Section', spec.section],
    ['Priority', 'optional'],
    ['Homepage', spec.homepage],
  ];
  const lines = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`);
  return `${lines.join('\n')}\n${formatDebDescription(spec)}\n`;
}
