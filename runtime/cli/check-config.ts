// `<svc> check-config`: validates the configuration files without a running service.
import { loadServiceConfig } from '../create-runtime.js';
import type { Service } from '../define-service.js';
import type { ParsedCommand } from './arguments.js';
import type { Output } from './client-commands.js';
import { EXIT } from './exit-codes.js';

/** Loads and validates every file; prints every problem found (file:line: [section] option: …). */
export async function runCheckConfigCommand(service: Service, command: ParsedCommand, io: Output): Promise<number> {
  try {
    const config = await loadServiceConfig(service, { configFiles: command.configFiles, configDirs: command.configDirs });
    if (config.files.length === 0) {
      const looked = command.configFiles.length + command.configDirs.length > 0 ? 'in the given directories' : `at ${(service.defaultConfigFiles ?? []).join(', ') || '(no default files)'}`;
      io.err(`${service.name}: check-config: no configuration file found ${looked}\n`);
      return EXIT.failed;
    }
    io.out(`${service.name}: configuration is valid (${config.files.join(', ')})\n`);
    return EXIT.ok;
  } catch (error) {
    io.err(`${service.name}: invalid configuration:\n${(error as Error).message}\n`);
    return EXIT.failed;
  }
}
