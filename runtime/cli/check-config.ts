// `<svc> check-config [--strict]`: validates the configuration files without a running service.
import { loadServiceConfig } from '../create-runtime.js';
import type { Service } from '../define-service.js';
import type { ParsedCommand } from './arguments.js';
import type { Output } from './client-commands.js';
import { EXIT } from './exit-codes.js';

/**
 * Loads and validates every file; prints every problem found (file:line: [section] option: …) and exits 1,
 * or prints each unknown section and option as a warning and exits 0 (`--strict`: they are problems).
 */
export async function runCheckConfigCommand(service: Service, command: ParsedCommand, io: Output): Promise<number> {
  try {
    const config = await loadServiceConfig(service, { ordered: command.configSources }, { strict: command.strict });
    if (config.files.length === 0) {
      const looked = command.configSources.length > 0 ? 'in the given directories' : `at ${(service.defaultConfigFiles ?? []).join(', ') || '(no default files)'}`;
      io.err(`${service.name}: check-config: no configuration file found ${looked}\n`);
      return EXIT.failed;
    }
    for (const warning of config.warnings) io.err(`${service.name}: warning: ${warning.message}\n`);
    const ignored = config.warnings.length > 0 ? `; ${config.warnings.length} unknown name(s) ignored, --strict refuses them` : '';
    io.out(`${service.name}: configuration is valid (${config.files.join(', ')})${ignored}\n`);
    return EXIT.ok;
  } catch (error) {
    io.err(`${service.name}: invalid configuration:\n${(error as Error).message}\n`);
    return EXIT.failed;
  }
}
