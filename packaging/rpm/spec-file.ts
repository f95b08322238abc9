// The RPM spec file for one package: header, scriptlets, %files with explicit modes and owners, %changelog.
import type { Dependency, PackageEntry, PackageSpec } from '../package-spec.js';
import { PackagingError } from '../errors.js';
import { splitParagraphs, wrapWords } from '../text-wrap.js';

/** Directories every RPM distribution's `filesystem` package (or systemd, logrotate) already owns. */
export const rpmSystemDirectories: ReadonlySet<string> = new Set([
  '/', '/etc', '/etc/logrotate.d', '/etc/rc.d', '/etc/rc.d/init.d', '/etc/init.d', '/usr', '/usr/bin', '/usr/sbin',
  '/usr/lib', '/usr/lib/systemd', '/usr/lib/systemd/system', '/usr/lib/sysusers.d', '/usr/lib/tmpfiles.d',
  '/usr/share', '/usr/share/doc', '/usr/share/licenses', '/usr/share/man', '/usr/share/man/man1',
  '/usr/share/man/man8', '/var', '/var/lib', '/var/log', '/run',
]);

/** One dependency in RPM syntax: `nodejs >= 18`. */
export function formatRpmDependency(dep: Dependency): string {
  const name = dep.rpmName ?? dep.name;
  if (!dep.constraint) return name;
  const op = { '>>': '>', '<<': '<' }[dep.constraint.operator as string] ?? dep.constraint.operator;
  return `${name} ${op} ${dep.constraint.version}`;
}

function checkRpmPath(spec: PackageSpec, path: string): string {
  if (!/^\/[A-Za-z0-9._+@/-]*$/.test(path) || path.split('/').includes('..')) {
    throw new PackagingError(
      `${spec.name}: entry path: expected an absolute path of letters, digits and ._+@-/ (RPM %files), got "${path}"`,
    );
  }
  return path;
}

function formatAttr(entry: PackageEntry): string {
  return `%attr(${entry.mode.toString(8).padStart(4, '0')},${entry.owner ?? 'root'},${entry.group ?? 'root'})`;
}

/** The %files lines: every file and directory the package owns, parents included unless the system owns them. */
export function renderRpmFiles(spec: PackageSpec): string[] {
  const lines = new Map<string, string>();
  for (const entry of spec.entries) {
    const path = checkRpmPath(spec, entry.path);
    for (let dir = path.slice(0, path.lastIndexOf('/')); dir.length > 0; dir = dir.slice(0, dir.lastIndexOf('/'))) {
      if (rpmSystemDirectories.has(dir) || lines.has(dir)) continue;
      lines.set(dir, `%dir %attr(0755,root,root) ${dir}`);
    }
    if (entry.kind === 'directory') {
      lines.set(path, `%dir ${formatAttr(entry)} ${path}`);
    } else {
      const config = entry.conffile || path.startsWith('/etc/') ? '%config(noreplace) ' : '';
      lines.set(path, `${config}${formatAttr(entry)} ${path}`);
    }
  }
  return [...lines.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, line]) => line);
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The %changelog section, newest first: `* Fri Nov 27 2026 Name <mail> - 1.0.0-1`. */
export function renderRpmChangelog(spec: PackageSpec): string {
  return spec.changelog
    .map((entry) => {
      const d = new Date(entry.date);
      const day = `${weekdays[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, '0')} ${d.getUTCFullYear()}`;
      const changes = entry.changes.map((c) => wrapWords(c, 76).map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`)).join('\n'));
      return `* ${day} ${entry.author} - ${entry.version}-${spec.release}\n${changes.join('\n')}`;
    })
    .join('\n\n');
}

/** Escapes `%` so that rpmbuild does not expand macros in text taken from the manifest. */
function escapeMacros(text: string): string {
  return text.replace(/%/g, '%%');
}

/** Renders the spec; %install copies the staged tree given by the `stagedir` macro into the buildroot. */
export function renderRpmSpec(spec: PackageSpec): string {
  const header = [
    `Name: ${spec.name}`,
    `Version: ${spec.version}`,
    `Release: ${spec.release}`,
    `Summary: ${escapeMacros(spec.summary)}`,
    `License: ${spec.license}`,
    // rpmlint (and RHEL 7 era tools) still expect Group; Fedora ignores it.
    'Group: System Environment/Daemons',
    `Packager: ${spec.maintainer}`,
    ...(spec.homepage ? [`URL: ${spec.homepage}`] : []),
    'BuildArch: noarch',
    ...spec.depends.map((d) => `Requires: ${formatRpmDependency(d)}`),
    ...(spec.conflicts ?? []).map((d) => `Conflicts: ${formatRpmDependency(d)}`),
    ...Object.entries(spec.rpmScriptRequires ?? {}).flatMap(([when, names]) => names.map((n) => `Requires(${when}): ${n}`)),
  ];
  const description = splitParagraphs(spec.description).map((p) => wrapWords(escapeMacros(p), 79).join('\n'));
  const scripts = Object.entries(spec.rpmScripts)
    .filter(([, body]) => body)
    .map(([hook, body]) => `%${hook}\n${escapeMacros(body as string).trimEnd()}\n`);
  return [
    header.join('\n'),
    `%description\n${description.join('\n\n')}`,
    '%prep\n%build',
    '%install\ncp -a %{stagedir}/. %{buildroot}/',
    ...scripts,
    `%files\n${renderRpmFiles(spec).join('\n')}`,
    `%changelog\n${escapeMacros(renderRpmChangelog(spec))}`,
  ].join('\n\n') + '\n';
}
