// Finds the control socket of a running service for `reload` and `status`.
// Only `control_socket` is read, and leniently: a configuration with an error elsewhere must still
// reach the running service, whose reload then reports that error with its file and line. Reads the
// files in the service's own order (sources.ts) with the INI tokenizer alone: no option types loaded.
// Files are read as the service reads them (read-config-file.ts, under the deadline): a FIFO or
// /dev/zero given as a config file is skipped here, and the service's reload names it.
import { parseIni } from '../config/ini-parser.js';
import { readConfigFile } from '../config/read-config-file.js';
import { CONFIG_READ_DEADLINE_MS, readWithDeadline } from '../config/read-deadline.js';
import { listConfigFiles, orderedSources, type ConfigSources } from '../config/sources.js';

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
    files = orderedSources(sources).filter((source) => source.kind === 'file').map((source) => source.path);
  }
  let found: string | undefined;
  for (const file of files) {
    const text = await readWithDeadline(file, CONFIG_READ_DEADLINE_MS, readConfigFile).then((bytes) => bytes.toString('utf8'), () => undefined);
    if (text !== undefined) found = findControlSocket(text, file) ?? found;
  }
  return found ?? defaultControlSocket(serviceName);
}

/** The value of the last `control_socket` assignment in [DEFAULT] of one file's text (syntax errors skipped). */
export function findControlSocket(text: string, file = 'config'): string | undefined {
  const value = parseIni(text, file, { lenient: true }).sections.get('DEFAULT')?.values.get('control_socket')?.value;
  return value === '' ? undefined : value;
}
