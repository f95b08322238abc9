// Checks that every source file the layout names exists, reporting each missing one at its manifest line.
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ManifestError, type LineLocator, type Manifest, type ManifestProblem } from '../../generators/manifest/index.js';

/** A path the manifest names, relative to its directory, and whether it must be a directory. */
interface NamedSource {
  field: (string | number)[];
  path: string;
  directory: boolean;
}

function namedSources(manifest: Manifest): NamedSource[] {
  const sources: NamedSource[] = [];
  const { lintian_overrides: lintian, rpmlint_config: rpmlint } = manifest.package;
  if (lintian !== undefined) sources.push({ field: ['package', 'lintian_overrides'], path: lintian, directory: true });
  if (rpmlint !== undefined) sources.push({ field: ['package', 'rpmlint_config'], path: rpmlint, directory: false });
  (manifest.packages ?? []).forEach((pkg, index) => {
    pkg.files.forEach((file, fileIndex) => {
      sources.push({ field: ['packages', index, 'files', fileIndex, 'source'], path: file.source, directory: false });
    });
    pkg.docs.forEach((doc, docIndex) => sources.push({ field: ['packages', index, 'docs', docIndex], path: doc, directory: false }));
  });
  return sources;
}

/** Formats `packages[1].files[0].source`. */
function fieldName(path: (string | number)[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

/** Throws ManifestError naming each file or directory of the layout that is missing (or of the wrong kind). */
export async function checkLayoutSources(manifest: Manifest, manifestFile: string, locateLine: LineLocator): Promise<void> {
  const base = dirname(resolve(manifestFile));
  const problems: ManifestProblem[] = [];
  for (const source of namedSources(manifest)) {
    const found = await stat(resolve(base, source.path)).catch(() => undefined);
    const kind = source.directory ? 'directory' : 'file';
    const fits = found !== undefined && (source.directory ? found.isDirectory() : found.isFile());
    if (fits) continue;
    problems.push({
      file: manifestFile,
      line: locateLine(source.field),
      field: fieldName(source.field),
      message: `${source.path} ${found === undefined ? 'does not exist' : `is not a ${kind}`} (expected a ${kind} relative to ${base})`,
    });
  }
  if (problems.length > 0) throw new ManifestError(problems);
}
