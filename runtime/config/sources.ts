// The ordered list of configuration files, read as oslo.config reads them. Imports no parser: the light
// reload client uses it to find control_socket without loading the option types.
import { readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './errors.js';
import { wrongKindProblem } from './file-kind.js';
import { CONFIG_READ_DEADLINE_MS, readWithDeadline } from './read-deadline.js';

/** One `--config-file` or `--config-dir`, as given on the command line. */
export interface ConfigSource {
  kind: 'file' | 'dir';
  path: string;
}

/** Where the configuration comes from. */
export interface ConfigSources {
  /** --config-file and --config-dir in command-line order; when given, configFiles/configDirs are ignored. */
  ordered?: readonly ConfigSource[];
  /** --config-file, in order (used when `ordered` is absent: the files, then the directories). */
  configFiles?: readonly string[];
  /** --config-dir, in order; each contributes its `*.conf` files in lexical order. */
  configDirs?: readonly string[];
  /** Read first when no --config-file is given; the ones that do not exist are skipped. */
  defaultConfigFiles?: readonly string[];
  /** Read next when no --config-dir is given; missing ones are skipped. Default: each default file + `.d`. */
  defaultConfigDirs?: readonly string[];
  /** [DEFAULT] values from the command line (oslo.log's `--debug`): read after every file, so they win. */
  commandLine?: Readonly<Record<string, string>>;
}

/** The command-line sources in order. */
export function orderedSources(sources: ConfigSources): ConfigSource[] {
  if (sources.ordered) return [...sources.ordered];
  return [
    ...(sources.configFiles ?? []).map((path): ConfigSource => ({ kind: 'file', path })),
    ...(sources.configDirs ?? []).map((path): ConfigSource => ({ kind: 'dir', path })),
  ];
}

/**
 * The files that will be read, in oslo.config's order: the default files (when no --config-file is
 * given; missing ones skipped), then the default directories (when no --config-dir is given; missing
 * ones skipped), then every --config-file and --config-dir in command-line order. A directory gives its
 * `*.conf` files sorted byte-wise, hidden ones (`.#cinder.conf`, an editor's lock) left out. A default
 * path that exists but is of the wrong kind (a FIFO where a file belongs, a file where a directory
 * belongs) is listed or refused so that the reader names it, never skipped as if it were missing.
 * Every stat and directory listing has a deadline (read-deadline.ts).
 */
export async function listConfigFiles(sources: ConfigSources, deadlineMs = CONFIG_READ_DEADLINE_MS): Promise<string[]> {
  const given = orderedSources(sources);
  const files: string[] = [];
  if (!given.some((source) => source.kind === 'file')) {
    for (const file of sources.defaultConfigFiles ?? []) if (await probe(file, deadlineMs) !== undefined) files.push(file);
  }
  if (!given.some((source) => source.kind === 'dir')) {
    const dirs = sources.defaultConfigDirs ?? (sources.defaultConfigFiles ?? []).map((file) => `${file}.d`);
    for (const dir of dirs) if (await probe(dir, deadlineMs) !== undefined) files.push(...await listConfigDir(dir, deadlineMs));
  }
  for (const source of given) {
    if (source.kind === 'file') files.push(source.path);
    else files.push(...await listConfigDir(source.path, deadlineMs));
  }
  return files;
}

/**
 * A directory's `*.conf` files as oslo's `glob('*.conf')` finds them: hidden names skipped, byte order.
 * A path that is not a directory is refused saying what it is.
 */
export async function listConfigDir(dir: string, deadlineMs = CONFIG_READ_DEADLINE_MS): Promise<string[]> {
  let names: string[];
  try {
    names = await readWithDeadline(dir, deadlineMs, async (path) => {
      const stats = await stat(path);
      if (!stats.isDirectory()) throw new ConfigError(`cannot read config directory: ${wrongKindProblem(stats, 'a directory')}`, { file: dir });
      return readdir(path);
    }, 'config directory');
  } catch (cause) {
    if (cause instanceof ConfigError) throw cause;
    throw new ConfigError(`cannot read config directory: ${describeFsError(cause)}`, { file: dir, cause });
  }
  return names.filter((name) => name.endsWith('.conf') && !name.startsWith('.')).sort(compareBytes).map((name) => join(dir, name));
}


/** Byte-wise order, like `LC_ALL=C ls` (and Python's sorted()), so the order never depends on the locale. */
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The stat of a default path, or undefined when nothing is there (missing, a dangling symlink, no access). */
async function probe(path: string, deadlineMs: number): Promise<Stats | undefined> {
  return readWithDeadline(path, deadlineMs, (p) => stat(p), 'config path').catch((error: unknown) => {
    if (error instanceof ConfigError) throw error;
    return undefined;
  });
}

/** "no such file or directory (ENOENT)", "permission denied (EACCES)", … */
export function describeFsError(cause: unknown): string {
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
