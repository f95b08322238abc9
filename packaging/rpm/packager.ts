// The rpm packager: stages the tree, writes a spec, and builds with `rpmbuild -bb` in a private _topdir.
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildOptions, Packager } from '../packager.js';
import type { FileEntry, PackageSpec } from '../package-spec.js';
import { wrapError } from '../errors.js';
import { runTool } from '../run-tool.js';
import { renderDebCopyright } from '../deb/copyright.js';
import { setTreeTimes, writeEntries } from '../stage-entries.js';
import { rpmPlanning } from './planning.js';
import { renderRpmSpec } from './spec-file.js';

function rpmFileName(spec: PackageSpec): string {
  return `${spec.name}-${spec.version}-${spec.release}.noarch.rpm`;
}

/** The spec plus its licence file under /usr/share/licenses (RPM's place for it). */
export function addRpmExtraEntries(spec: PackageSpec): PackageSpec {
  const license: FileEntry = {
    kind: 'file',
    path: `/usr/share/licenses/${spec.name}/copyright`,
    mode: 0o644,
    content: renderDebCopyright(spec),
  };
  return { ...spec, entries: [...spec.entries, license] };
}

/** The macros that make rpmbuild's output depend only on its input (plus SOURCE_DATE_EPOCH). */
export function listReproducibleDefines(stageDir: string, topDir: string): string[] {
  const defines = {
    _topdir: topDir,
    stagedir: stageDir,
    _buildhost: 'reproducible',
    use_source_date_epoch_as_buildtime: '1',
    clamp_mtime_to_source_date_epoch: '1',
    source_date_epoch_from_changelog: '0',
    _build_id_links: 'none',
    // Debian's rpm runs brp scripts (strip, compress, bytecompile) that do not apply to noarch JavaScript.
    __os_install_post: '%{nil}',
    _binary_payload: 'w9.gzdio',
  };
  return Object.entries(defines).flatMap(([name, value]) => ['--define', `${name} ${value}`]);
}

/** Builds .rpm files: owners and modes come from %attr in the spec, so they are real in the package. */
export const rpmPackager: Packager = {
  name: 'rpm',
  planning: rpmPlanning,
  fileName: rpmFileName,
  async build(input: PackageSpec, options: BuildOptions): Promise<string> {
    const spec = addRpmExtraEntries(input);
    const out = join(options.outDir, rpmFileName(spec));
    const work = await mkdtemp(join(tmpdir(), `rpm-${spec.name}-`));
    try {
      const stage = join(work, 'stage');
      await writeEntries(spec.name, stage, spec.entries);
      await setTreeTimes(stage, options.sourceDateEpoch);
      const specPath = join(work, `${spec.name}.spec`);
      await writeFile(specPath, renderRpmSpec(spec));
      await mkdir(join(work, 'RPMS'), { recursive: true });
      await runTool(
        'rpmbuild',
        ['-bb', '--quiet', ...listReproducibleDefines(stage, work), '--buildroot', join(work, 'buildroot'), specPath],
        { env: { SOURCE_DATE_EPOCH: String(options.sourceDateEpoch) } },
      );
      await rename(join(work, 'RPMS', 'noarch', rpmFileName(spec)), out);
      return out;
    } catch (error) {
      throw wrapError(`cannot build ${spec.name}.rpm`, error);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};
