// Reads one configuration file without letting the file decide how long or how much: opened non-blocking
// (a FIFO's open() would otherwise wait for a writer, and a thread stuck in it keeps the process from ever
// exiting), refused unless fstat says it is a regular file (FIFO, device, socket, directory, a symlink to
// /dev/zero), refused above a size bound before reading and while reading (a growing file), and read
// again when it changed while being read (an editor writing in place), so a half-written file is never used.
import { constants, type BigIntStats } from 'node:fs';
import { lstat, open, realpath, stat, type FileHandle } from 'node:fs/promises';
import { ConfigError } from './errors.js';
import { wrongKindProblem } from './file-kind.js';
import { describeFsError } from './sources.js';

/** The largest configuration file read: 16 MiB (Debian's complete cinder.conf sample is under 200 KiB). */
export const MAX_CONFIG_FILE_BYTES = 16 * 1024 * 1024;

/** How many times a file that changes while it is read is read again before the read is refused. */
export const CONFIG_READ_ATTEMPTS = 3;

/** Bytes asked for per read() call. */
const CHUNK_BYTES = 64 * 1024;

/** Limits of one read (defaults: the constants above). */
export interface ReadConfigFileOptions {
  maxBytes?: number;
  attempts?: number;
}

/** One read of the file: its bytes, and whether it stayed the same from the first byte to the last. */
interface OneRead {
  bytes: Buffer;
  unchanged: boolean;
}

/** The file's bytes, read whole and unchanged; throws ConfigError naming the file and what is wrong. */
export async function readConfigFile(path: string, options: ReadConfigFileOptions = {}): Promise<Buffer> {
  const maxBytes = options.maxBytes ?? MAX_CONFIG_FILE_BYTES;
  const attempts = options.attempts ?? CONFIG_READ_ATTEMPTS;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const read = await readOnce(path, maxBytes);
    if (read.unchanged) return read.bytes;
  }
  throw new ConfigError(
    `cannot read config file: it changed while it was read, ${attempts} times in a row (something is writing it in place; write a new file and rename it over the old one)`,
    { file: path },
  );
}

/** The problem of a file above the bound. */
export function tooLargeProblem(size: number | bigint, maxBytes: number): string {
  return `is ${size} bytes, more than the ${formatBytes(maxBytes)} a config file may have`;
}

/** Opens without blocking, checks kind and size on the open descriptor, reads, and compares before/after. */
async function readOnce(path: string, maxBytes: number): Promise<OneRead> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (cause) {
    // open() of a unix socket fails (ENXIO): say what the path is rather than what open() said.
    const stats = await stat(path).catch(() => undefined);
    if (stats !== undefined && !stats.isFile()) throw new ConfigError(`cannot read config file: ${wrongKindProblem(stats, 'a regular file')}${await describeLink(path)}`, { file: path, cause });
    throw new ConfigError(`cannot read config file: ${describeFsError(cause)}`, { file: path, cause });
  }
  try {
    const before = await handle.stat({ bigint: true });
    if (!before.isFile()) throw new ConfigError(`cannot read config file: ${wrongKindProblem(before, 'a regular file')}${await describeLink(path)}`, { file: path });
    if (before.size > BigInt(maxBytes)) throw new ConfigError(`cannot read config file: ${tooLargeProblem(before.size, maxBytes)}`, { file: path });
    const bytes = await readAtMost(handle, maxBytes, path);
    const after = await handle.stat({ bigint: true });
    return { bytes, unchanged: BigInt(bytes.length) === before.size && sameVersion(before, after) };
  } finally {
    await handle.close();
  }
}

/** Reads to the end, refusing the moment more than `maxBytes` arrived (the file grew while it was read). */
async function readAtMost(handle: FileHandle, maxBytes: number, path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) {
      throw new ConfigError(`cannot read config file: it grew past the ${formatBytes(maxBytes)} a config file may have while it was read`, { file: path });
    }
  }
}

/** Same inode, size, modification and change time: nothing wrote to the file in between. */
function sameVersion(a: BigIntStats, b: BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

/** " (a symbolic link to /dev/zero)" when `path` is a symlink, else "". */
async function describeLink(path: string): Promise<string> {
  const link = await lstat(path).catch(() => undefined);
  if (!link?.isSymbolicLink()) return '';
  const target = await realpath(path).catch(() => undefined);
  return target === undefined ? ' (a symbolic link)' : ` (a symbolic link to ${target})`;
}

/** 16777216 → "16 MiB", 1000 → "1000 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
