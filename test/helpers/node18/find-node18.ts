// Debian 12's Node.js 18, installed beside the machine's Node by scripts/install-node18.sh.
import { existsSync } from 'node:fs';
import { runTool } from '../../../packaging/run-tool.js';

/** Where scripts/install-node18.sh puts it; RELOADKIT_NODE18 names another `node` 18. */
export const NODE18_DEFAULT = '/opt/node18/bin/node';

/** Node 18's executable and version; throws saying what is missing and how to install it. */
export async function findNode18(env: NodeJS.ProcessEnv = process.env): Promise<{ node: string; version: string }> {
  const node = env.RELOADKIT_NODE18 ?? NODE18_DEFAULT;
  const install = 'run `bash scripts/install-node18.sh` as root (scripts/install-deps.sh does)';
  if (!existsSync(node)) throw new Error(`Node.js 18 is missing: no ${node}; ${install}`);
  const { stdout } = await runTool(...node18Command(node, ['--version'], env));
  const version = stdout.trim();
  if (!version.startsWith('v18.')) throw new Error(`${node} is Node.js ${version}, not 18; ${install}`);
  return { node, version };
}

/** Whether `dir` holds the headers the addon build needs (Debian's libnode-dev, extracted beside node). */
export function node18HeadersDir(node: string): string | undefined {
  const prefix = node.replace(/\/bin\/node$/, '/usr');
  return existsSync(`${prefix}/include/node/node.h`) ? prefix : undefined;
}

/**
 * `node args…` as a command for Node 18, through `env -i` with this environment minus what tap's runner sets for
 * its own children (TAP_*, coverage, NODE_OPTIONS with loaders for Node 20) and npm for its scripts (npm_*, whose
 * npm_config_nodedir would point node-gyp at Node 20's headers): tap re-adds its loaders to the
 * environment of every process this one spawns, and `env -i` is the one way past that.
 */
export function node18Command(node: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): [string, string[]] {
  const kept = Object.entries(env).filter(([k, v]) => v !== undefined && !/^(?:TAP|_TAPJS|npm_|NODE_OPTIONS$|NODE_V8_COVERAGE$)/i.test(k));
  return ['env', ['-i', ...kept.map(([k, v]) => `${k}=${v}`), node, ...args]];
}
