// `fake-backend --port P [--host H]`: serves until killed (SIGTERM/SIGINT exit 0); logs JSON lines on stdout.
import { parseArgs } from 'node:util';
import { startFakeBackend } from './server.js';

const USAGE = 'Usage: fake-backend --port PORT [--host HOST]   (PORT 0 picks a free port)\n';

/** Parses the command line and runs the backend. */
async function main(argv: string[]): Promise<number> {
  let values: { port?: string; host?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, strict: true, options: { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    process.stderr.write(`fake-backend: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (values.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`fake-backend: expected --port to be an integer from 0 to 65535, got ${JSON.stringify(values.port)}\n${USAGE}`);
    return 2;
  }
  const log = (event: Record<string, unknown>): void => {
    process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...event }) + '\n');
  };
  process.title = 'fake-backend';
  const backend = await startFakeBackend(values.host ?? '127.0.0.1', port, log).catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    return undefined;
  });
  if (backend === undefined) return 1;
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  await backend.close();
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
