// Pulls the shell scripts out of a logrotate configuration so they can be checked and run.

/** The bodies between `postrotate` and `endscript`, as shell scripts. */
export function extractPostrotateScripts(configuration: string): string[] {
  const scripts: string[] = [];
  for (const match of configuration.matchAll(/^\s*postrotate\n([\s\S]*?)^\s*endscript$/gm)) {
    scripts.push(`#!/bin/sh\n${(match[1] as string).replace(/^\t\t/gm, '')}`);
  }
  return scripts;
}
