// Stages a package's root tree for dpkg-deb: contents, /usr/share/doc files, and DEBIAN/ control files.
import { createHash } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FileEntry, PackageSpec } from '../package-spec.js';
import { relativeEntryPath, setTreeTimes, writeEntries } from '../stage-entries.js';
import { renderDebChangelog } from './changelog.js';
import { renderDebControl } from './control.js';
import { renderDebCopyright } from './copyright.js';

/** Whether dpkg treats the file as a conffile: everything shipped under /etc is one (as debhelper does). */
export function isDebConffile(entry: FileEntry): boolean {
  return entry.conffile === true || entry.path.startsWith('/etc/');
}

/** Compresses like `gzip -9n`: maximum compression, no name, no timestamp (reproducible). */
export function gzipReproducibly(content: string | Buffer): Buffer {
  const gz = gzipSync(content, { level: 9 });
  gz.writeUInt32LE(0, 4); // MTIME = 0
  gz[9] = 3; // OS = Unix, as gzip writes it
  return gz;
}

/** The files Debian policy asks for besides the spec's own: copyright, changelog, lintian overrides. */
export function listDebExtraEntries(spec: PackageSpec): FileEntry[] {
  const doc = `/usr/share/doc/${spec.name}`;
  const extra: FileEntry[] = [
    { kind: 'file', path: `${doc}/copyright`, mode: 0o644, content: renderDebCopyright(spec) },
    { kind: 'file', path: `${doc}/changelog.Debian.gz`, mode: 0o644, content: gzipReproducibly(renderDebChangelog(spec)) },
  ];
  if (spec.lintianOverrides) {
    extra.push({ kind: 'file', path: `/usr/share/lintian/overrides/${spec.name}`, mode: 0o644, content: spec.lintianOverrides });
  }
  return extra;
}

/** Writes `spec` into `root` ready for `dpkg-deb --build`: contents, DEBIAN/{control,md5sums,conffiles,scripts}. */
export async function stageDebTree(spec: PackageSpec, root: string, sourceDateEpoch: number): Promise<void> {
  const entries = [...spec.entries, ...listDebExtraEntries(spec)];
  await writeEntries(spec.name, root, entries);
  const md5sums: string[] = [];
  const conffiles: string[] = [];
  let sizeKiB = 0;
  for (const entry of entries) {
    if (entry.kind === 'directory') {
      sizeKiB += 1;
      continue;
    }
    sizeKiB += Math.ceil(Buffer.byteLength(entry.content) / 1024);
    // As dh_md5sums: conffiles are not listed (dpkg keeps their checksums itself).
    if (isDebConffile(entry)) conffiles.push(entry.path);
    else md5sums.push(`${createHash('md5').update(entry.content).digest('hex')}  ${relativeEntryPath(spec.name, entry)}`);
  }
  const control = join(root, 'DEBIAN');
  await mkdir(control, { mode: 0o755 });
  const writeControl = async (name: string, content: string, mode: number): Promise<void> => {
    await writeFile(join(control, name), content);
    await chmod(join(control, name), mode);
  };
  await writeControl('control', renderDebControl(spec, sizeKiB), 0o644);
  await writeControl('md5sums', `${md5sums.sort().join('\n')}\n`, 0o644);
  if (conffiles.length > 0) await writeControl('conffiles', `${conffiles.sort().join('\n')}\n`, 0o644);
  for (const [hook, script] of Object.entries(spec.debScripts)) {
    if (script) await writeControl(hook, script, 0o755);
  }
  await setTreeTimes(root, sourceDateEpoch);
}
