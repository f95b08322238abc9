// Parses the service command line with node:util parseArgs (no dependencies: the runtime ships without any).
import { parseArgs } from 'node:util';

/** The subcommands; `run` is the default. */
export type CommandName = 'run' | 'reload' | 'check-config' | 'status' | 'help' | 'version';

/** A parsed command line. */
export interface ParsedCommand {
  name: CommandName;
  configFiles: string[];
  configDirs: string[];
  controlSocket?: string;
  timeoutSeconds?: number;
  waitDrained: boolean;
}

/** A command line that cannot be run; the message says what is wrong (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Which options each subcommand accepts. */
const ALLOWED: Record<Exclude<CommandName, 'help' | 'version'>, readonly string[]> = {
  run: ['config-file', 'config-dir'],
  reload: ['config-file', 'config-dir', 'control-socket', 'timeout', 'wait-drained'],
  'check-config': ['config-file', 'config-dir'],
  status: ['config-file', 'config-dir', 'control-socket', 'timeout'],
};

/** Parses `argv` (without node and the script); throws UsageError. */
export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  let parsed: ReturnType<typeof parseWithNode>;
  try {
    parsed = parseWithNode(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const empty = { configFiles: [], configDirs: [], waitDrained: false };
  if (values.help) return { name: 'help', ...empty };
  if (values.version) return { name: 'version', ...empty };
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}" after "${positionals[0]}"`);
  const name = positionals[0] ?? 'run';
  if (!isRunnableCommand(name)) {
    throw new UsageError(`unknown command "${name}" (commands: run, reload, check-config, status)`);
  }
  for (const option of Object.keys(values)) {
    if (values[option as keyof typeof values] !== undefined && !ALLOWED[name].includes(option)) {
      throw new UsageError(`option --${option} is not valid for "${name}" (valid: ${ALLOWED[name].map((o) => `--${o}`).join(', ')})`);
    }
  }
  return {
    name,
    configFiles: values['config-file'] ?? [],
    configDirs: values['config-dir'] ?? [],
    controlSocket: values['control-socket'],
    timeoutSeconds: values.timeout === undefined ? undefined : parseTimeout(values.timeout),
    waitDrained: values['wait-drained'] ?? false,
  };
}

/** The parseArgs call (strict: unknown options are errors). */
function parseWithNode(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      'config-file': { type: 'string', multiple: true },
      'config-dir': { type: 'string', multiple: true },
      'control-socket': { type: 'string' },
      timeout: { type: 'string' },
      'wait-drained': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
}

/** Narrows a word to a subcommand that does work. */
function isRunnableCommand(name: string): name is keyof typeof ALLOWED {
  return Object.prototype.hasOwnProperty.call(ALLOWED, name);
}

/** `--timeout` is a positive number of seconds. */
function parseTimeout(text: string): number {
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`expected --timeout to be a positive number of seconds, got ${JSON.stringify(text)}`);
  }
  return seconds;
}
