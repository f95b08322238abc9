// `npm pack` of a staged package: the tarball and npm's own listing of what is in it.
import { join } from 'node:path';
import { runTool } from '../run-tool.js';

/** A tarball and the files npm put in it (paths relative to the package root). */
export interface PackResult {
  tarball: string;
  files: string[];
}

/** Packs `dir` into `outDir` (or only lists it with `dryRun`); npm's scripts are not run. */
export async function packStaged(dir: string, outDir: string, options: { dryRun?: boolean } = {}): Promise<PackResult> {
  const args = ['pack', dir, '--json', '--ignore-scripts', '--pack-destination', outDir];
  if (options.dryRun === true) args.push('--dry-run');
  const { stdout } = await runTool('npm', args, { env: { npm_config_update_notifier: 'false', npm_config_fund: 'false' } });
  const [result] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (result === undefined) throw new Error(`npm pack ${dir} printed no result: ${stdout}`);
  return { tarball: join(outDir, result.filename), files: result.files.map((f) => f.path).sort() };
}
