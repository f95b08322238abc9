// Entry point of the `reloadkit` command (bin/reloadkit imports this).
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
