// Installs pm2 for the benchmark into a git-ignored scratch folder (.cache/bench/pm2) with npm; it is
// never a dependency of the project. The version is pinned so runs compare.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { progress } from '../lib/progress.js';
import { runCommand } from '../lib/processes.js';
import { REPO_ROOT } from '../lib/repo-paths.js';

/** The pm2 version the benchmark measures. */
export const PM2_VERSION = '7.0.4';

/** Where pm2 is installed. */
export const PM2_PREFIX = join(REPO_ROOT, '.cache', 'bench', 'pm2');

/** Returns the path of pm2's CLI script, installing pm2 first when it is missing or another version. */
export async function ensurePm2(): Promise<string> {
  const packageJson = join(PM2_PREFIX, 'node_modules', 'pm2', 'package.json');
  const cli = join(PM2_PREFIX, 'node_modules', 'pm2', 'bin', 'pm2');
  if (existsSync(packageJson) && (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version === PM2_VERSION) return cli;
  progress(`installing pm2@${PM2_VERSION} into ${PM2_PREFIX} (npm install --prefix, not a project dependency)`);
  const result = await runCommand('npm install pm2', 'npm', ['install', '--prefix', PM2_PREFIX, '--no-save', '--no-audit', '--no-fund', `pm2@${PM2_VERSION}`], {}, 300000);
  if (result.code !== 0 || !existsSync(cli)) {
    throw new Error(`cannot install pm2@${PM2_VERSION} into ${PM2_PREFIX}: npm exited ${result.code}:\n${result.output.slice(-2000)}`);
  }
  return cli;
}
