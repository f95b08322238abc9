// A program whose configuration read gets stuck in the kernel (a blocking open() of the FIFO in argv[2],
// which nothing writes to: what a hung file system does), is abandoned at a 50 ms deadline, and then
// exits with exitProcess(3, …). argv[3] = "none" skips the read (the plain exit).
import { readFile } from 'node:fs/promises';
import { readWithDeadline } from '../../runtime/config/read-deadline.js';
import { exitProcess } from '../../runtime/cli/exit-process.js';

process.on('SIGTERM', () => undefined); // as a running service has: the exit must not depend on it
if (process.argv[3] !== 'none') {
  await readWithDeadline(process.argv[2] ?? '', 50, (path) => readFile(path)).catch((error: Error) => process.stderr.write(`${error.message}\n`));
}
exitProcess(3, 'stuck-read');
