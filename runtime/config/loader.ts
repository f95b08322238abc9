// Reads the configuration files in oslo.config's order (sources.ts), parses and resolves them. Each file
// is read by read-config-file.ts (regular files only, bounded size, unchanged while read) under a deadline.
import { ConfigError, combineConfigErrors } from './errors.js';
import { parseIni, type IniDocument } from './ini-parser.js';
import { readConfigFile } from './read-config-file.js';
import { CONFIG_READ_DEADLINE_MS, readWithDeadline } from './read-deadline.js';
import { resolveConfig, type ResolveOptions } from './resolve.js';
import type { ConfigSchema } from './schema.js';
import type { ConfigSnapshot } from './snapshot.js';
import { describeFsError, listConfigFiles, type ConfigSources } from './sources.js';
import { decodeUtf8 } from './utf8.js';

export { listConfigFiles, type ConfigSource, type ConfigSources } from './sources.js';

/** How files are read (defaults: read-config-file.ts under CONFIG_READ_DEADLINE_MS). */
export interface LoadOptions extends ResolveOptions {
  /** Deadline of each file's read and of each listing, in ms. */
  readDeadlineMs?: number;
  /** Reads one file (throws ConfigError); replaced by tests that need a read that never returns. */
  readFile?: (path: string) => Promise<Buffer>;
}

/** Reads, parses and validates every file; throws one ConfigError listing every problem found. */
export async function loadConfig(sources: ConfigSources, schema: ConfigSchema, options: LoadOptions = {}): Promise<ConfigSnapshot> {
  const deadlineMs = options.readDeadlineMs ?? CONFIG_READ_DEADLINE_MS;
  const read = options.readFile ?? ((path: string) => readConfigFile(path));
  const files = await listConfigFiles(sources, deadlineMs);
  const docs: IniDocument[] = [];
  const errors: ConfigError[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readWithDeadline(file, deadlineMs, read);
    } catch (cause) {
      errors.push(cause instanceof ConfigError ? cause : new ConfigError(`cannot read config file: ${describeFsError(cause)}`, { file, cause }));
      continue;
    }
    try {
      docs.push(parseIni(decodeUtf8(bytes, file), file));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      errors.push(...error.all());
    }
  }
  if (sources.commandLine && Object.keys(sources.commandLine).length > 0) docs.push(commandLineDocument(sources.commandLine));
  const failure = combineConfigErrors(errors);
  if (failure) throw failure;
  return resolveConfig(docs, schema, files, options);
}

/** Command-line values as one more document, read last (file "<command line>", line 0). */
function commandLineDocument(values: Readonly<Record<string, string>>): IniDocument {
  const file = '<command line>';
  const entries = Object.entries(values).map(([key, value]) => [key, { value, file, line: 0 }] as const);
  const section = { name: 'DEFAULT', file, line: 0, values: new Map(entries), occurrences: new Map(entries.map(([k, v]) => [k, [v]])) };
  return { file, sections: new Map([['DEFAULT', section]]) };
}
