// The only code that writes generated files to disk.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import type { GeneratedFile } from '../target.js';

/** Writes each file under `directory` at its installed path with its mode; returns the paths written. */
export async function writeGeneratedFiles(directory: string, files: readonly GeneratedFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const relative = normalize(file.path);
    if (isAbsolute(relative) || relative.startsWith('..')) {
      throw new Error(`refusing to write ${JSON.stringify(file.path)}: expected a path inside the output directory`);
    }
    const destination = join(directory, relative);
    try {
      await mkdir(dirname(destination), { recursive: true });
      await writeFile(destination, file.content, { mode: file.mode });
      await chmod(destination, file.mode);
    } catch (error) {
      throw new Error(`cannot write ${destination}: ${(error as Error).message}`, { cause: error });
    }
    written.push(destination);
  }
  return written;
}
