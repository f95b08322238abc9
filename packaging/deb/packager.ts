// The deb packager: stages the tree and builds with `dpkg-deb --root-owner-group`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildOptions, Packager } from '../packager.js';
import type { PackageSpec } from '../package-spec.js';
import { wrapError } from '../errors.js';
import { runTool } from '../run-tool.js';
import { formatDebVersion } from './control.js';
import { debPlanning } from './planning.js';
import { stageDebTree } from './stage.js';

/** Debian's epoch-less version cannot contain ':' here; file names use the full version. */
function debFileName(spec: PackageSpec): string {
  return `${spec.name}_${formatDebVersion(spec)}_all.deb`;
}

/**
 * Builds .deb files. Every entry is root-owned in the archive (--root-owner-group); other owners are set by
 * the maintainer scripts after the system user exists, as Debian packages do.
 */
export const debPackager: Packager = {
  name: 'deb',
  planning: debPlanning,
  fileName: debFileName,
  async build(spec: PackageSpec, options: BuildOptions): Promise<string> {
    const out = join(options.outDir, debFileName(spec));
    const work = await mkdtemp(join(tmpdir(), `deb-${spec.name}-`));
    try {
      const root = join(work, 'root');
      await stageDebTree(spec, root, options.sourceDateEpoch);
      await runTool('dpkg-deb', ['--root-owner-group', '-Zxz', '--threads-max=1', '--build', root, out], {
        env: { SOURCE_DATE_EPOCH: String(options.sourceDateEpoch) },
      });
      return out;
    } catch (error) {
      throw wrapError(`cannot build ${spec.name}.deb`, error);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};
