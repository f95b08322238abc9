// Names what a path is when it is not what the configuration expects there ("is a FIFO (named pipe)"),
// from a stat result: the readers refuse such paths instead of reading them (a FIFO or a device blocks or never ends).
import type { Stats } from 'node:fs';

/** What is needed of a stat result (number or bigint variant, stat or lstat). */
export type FileKindStats = Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket' | 'isSymbolicLink'>;

/** "a FIFO (named pipe)", "a character device", … for every kind of file that is not a regular file. */
export function describeFileKind(stats: FileKindStats): string {
  if (stats.isFile()) return 'a regular file';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'an unknown kind of file';
}

/** "is a FIFO (named pipe), expected a regular file" — the problem a config file of the wrong kind gets. */
export function wrongKindProblem(stats: FileKindStats, expected: 'a regular file' | 'a directory'): string {
  return `is ${describeFileKind(stats)}, expected ${expected}`;
}
