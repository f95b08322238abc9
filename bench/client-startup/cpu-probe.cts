// Preloaded with `node --require` into every program bench/client-startup times: at exit it writes the
// process's own CPU time (user + system, in ms, from its start) to file descriptor 3. The same preload
// runs in every variant, so its own small cost cancels out of the differences.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.cpuUsage();
  writeSync(3, `${(usage.user + usage.system) / 1000}\n`);
});
