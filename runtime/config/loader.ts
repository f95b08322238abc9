// Reads the configuration files in oslo.config's order (sources.ts), parses and resolves them.
import { readFile } from 'node:fs/promises';
import { ConfigError, combineConfigErrors } from './errors.js';
import { parseIni, type IniDocument } from './ini-parser.js';
import { resolveConfig, type ResolveOptions } from './resolve.js';
import type { ConfigSchema } from './schema.js';
import type { ConfigSnapshot } from './snapshot.js';
import { describeFsError, listConfigFiles, type ConfigSources } from './sources.js';
import { decodeUtf8 } from './utf8.js';

export { listConfigFiles, type ConfigSource, type ConfigSources } from './sources.js';

/** Reads, parses and validates every file; throws one ConfigError listing every problem found. */
export async function loadConfig(sources: ConfigSources, schema: ConfigSchema, options: ResolveOptions = {}): Promise<ConfigSnapshot> {
  const files = await listConfigFiles(sources);
  const docs: IniDocument[] = [];
  const errors: ConfigError[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (cause) {
      errors.push(new ConfigError(`cannot read config file: ${describeFsError(cause)}`, { file, cause }));
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
