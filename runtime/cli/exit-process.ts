// Ends the process with its exit code. One case needs more: a configuration read abandoned at its deadline
// (config/read-deadline.ts) may still be stuck in the kernel, and process.exit() waits for every libuv
// thread to finish, so it would never return. Then the process ends by its own SIGTERM, which systemd
// counts as a clean stop, and says why on stderr.
import { countAbandonedReads } from '../config/read-deadline.js';

/** process.exit(code), or death by SIGTERM when an abandoned config read would keep exit() from returning. */
export function exitProcess(code: number, name: string): never {
  const stuck = countAbandonedReads();
  if (stuck > 0) {
    process.stderr.write(`${name}: ${stuck} configuration read(s) abandoned at their deadline are still stuck; ending by SIGTERM instead of exit code ${code}\n`);
    process.removeAllListeners('SIGTERM');
    process.kill(process.pid, 'SIGTERM');
  }
  process.exit(code);
}
