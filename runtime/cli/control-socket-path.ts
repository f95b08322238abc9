// Finds the control socket of a running service for `reload` and `status`.
// Only `control_socket` is read, and leniently: a configuration with an error elsewhere must still
// reach the running service, whose reload then reports that error with its file and line.
import { readFile } from 'node:fs/promises';
import { listConfigFiles, type ConfigSources } from '../config/loader.js';

/** The default when no file sets control_socket (the runtime's standard option default). */
export function defaultControlSocket(serviceName: string): string {
  return `/run/${serviceName}/control.sock`;
}

/** `--control-socket` if given, else the last `control_socket` in [DEFAULT] of the files, else the default. */
export async function locateControlSocket(serviceName: string, explicit: string | undefined, sources: ConfigSources): Promise<string> {
  if (explicit !== undefined) return explicit;
  let files: string[];
  try {
    files = await listConfigFiles(sources);
  } catch {
    files = [...(sources.configFiles ?? [])];
  }
  let found: string | undefined;
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) found = findControlSocket(text) ?? found;
  }
  return found ?? defaultControlSocket(serviceName);
}

/** The value of the last `control_socket` assignment in [DEFAULT] of one file's text. */
export function findControlSocket(text: string): string | undefined {
  let section = 'DEFAULT';
  let found: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]*)\]\s*$/.exec(line);
    if (header) {
      section = (header[1] ?? '').trim();
      continue;
    }
    const assignment = /^control_socket\s*[=:]\s*(.*?)\s*$/.exec(line);
    if (assignment && section === 'DEFAULT' && assignment[1]) found = assignment[1];
  }
  return found;
}
