// Runs commands as a new user would, in a fresh project: a clean environment (no test runner, no npm script).
import { homedir, tmpdir } from 'node:os';

/**
 * `command args…` through `env -i` with only PATH, HOME, TMPDIR and LANG: tap adds its loaders to the
 * environment of every child it sees, and npm scripts add npm_config_*; neither is what a new user has.
 */
export function asNewUser(command: string, args: readonly string[]): [string, string[]] {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? homedir(),
    TMPDIR: tmpdir(),
    LANG: 'C.UTF-8',
  };
  return ['env', ['-i', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), command, ...args]];
}

/** The package npm could not find in its cache, from an `npm install --offline` failure; undefined for another failure. */
export function missingFromNpmCache(npmOutput: string): string | undefined {
  const match = /ENOTCACHED[\s\S]*?request to \S+?\/([^/\s]+(?:%2[fF][^/\s]+)?) failed/.exec(npmOutput);
  return match?.[1]?.replace(/%2[fF]/, '/');
}
