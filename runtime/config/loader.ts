// Reads --config-file (repeatable, later wins) and --config-dir (*.conf, lexical order) from disk.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, combineConfigErrors } from './errors.js';
import { parseIni, type IniDocument } from './ini-parser.js';
import { resolveConfig } from './resolve.js';
import type { ConfigSchema } from './schema.js';
import type { ConfigSnapshot } from './snapshot.js';

/** Where the configuration comes from. */
export interface ConfigSources {
  /** --config-file, in order; later files win. */
  configFiles?: readonly string[];
  /** --config-dir, in order; each contributes its `*.conf` files in lexical order, after the files. */
  configDirs?: readonly string[];
  /** Used only when neither files nor dirs are given; the ones that do not exist are skipped. */
  defaultConfigFiles?: readonly string[];
}

/** The files that will be read, in order: files, then each directory's `*.conf` sorted lexically. */
export async function listConfigFiles(sources: ConfigSources): Promise<string[]> {
  const files = [...(sources.configFiles ?? [])];
  const dirs = sources.configDirs ?? [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (cause) {
      throw new ConfigError(`cannot read config directory: ${describeFsError(cause)}`, { file: dir, cause });
    }
    files.push(...names.filter((name) => name.endsWith('.conf')).sort(compareLexically).map((name) => join(dir, name)));
  }
  if (files.length === 0 && dirs.length === 0) {
    for (const file of sources.defaultConfigFiles ?? []) {
      if (await isReadableFile(file)) files.push(file);
    }
  }
  return files;
}

/** Reads, parses and validates every file; throws one ConfigError listing every problem found. */
export async function loadConfig(sources: ConfigSources, schema: ConfigSchema): Promise<ConfigSnapshot> {
  const files = await listConfigFiles(sources);
  const docs: IniDocument[] = [];
  const errors: ConfigError[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      errors.push(new ConfigError(`cannot read config file: ${describeFsError(cause)}`, { file, cause }));
      continue;
    }
    try {
      docs.push(parseIni(text, file));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      errors.push(...error.all());
    }
  }
  const failure = combineConfigErrors(errors);
  if (failure) throw failure;
  return resolveConfig(docs, schema, files);
}

/** Byte-wise order, like `LC_ALL=C ls`, so the order never depends on the locale. */
function compareLexically(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a default config file is there to be read. */
async function isReadableFile(file: string): Promise<boolean> {
  try {
    await readFile(file);
    return true;
  } catch {
    return false;
  }
}

/** "no such file (ENOENT)", "permission denied (EACCES)", … */
function describeFsError(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  const known: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'is a directory, expected a file',
    ENOTDIR: 'not a directory',
  };
  if (code && known[code]) return `${known[code]} (${code})`;
  return cause instanceof Error ? cause.message : String(cause);
}
