// Parses the service command line with node:util parseArgs (no dependencies: the runtime ships without any).
import { parseArgs } from 'node:util';
import type { ConfigSource } from '../config/sources.js';

/** The subcommands; `run` is the default. */
export type CommandName = 'run' | 'reload' | 'check-config' | 'status' | 'help' | 'version';

/** A parsed command line. */
export interface ParsedCommand {
  name: CommandName;
  configFiles: string[];
  configDirs: string[];
  /** --config-file and --config-dir interleaved in command-line order (the order oslo.config reads them in). */
  configSources: ConfigSource[];
  /** check-config --strict: unknown sections and options are errors. */
  strict: boolean;
  /** oslo.log's standard options (`run`). */
  logging: LoggingOptions;
  controlSocket?: string;
  timeoutSeconds?: number;
  waitDrained: boolean;
}

/** oslo.log's command-line options a distribution's unit file passes. */
export interface LoggingOptions {
  logFile?: string;
  logDir?: string;
  debug: boolean;
  useSyslog: boolean;
  useJournal: boolean;
}

/** Options that take a value (their next argument is not an option). */
const TAKES_VALUE = new Set(['--config-file', '--config-dir', '--control-socket', '--timeout', '--log-file', '--log-dir']);

/** A command line that cannot be run; the message says what is wrong (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Which options each subcommand accepts. */
const ALLOWED: Record<Exclude<CommandName, 'help' | 'version'>, readonly string[]> = {
  run: ['config-file', 'config-dir', 'log-file', 'log-dir', 'debug', 'use-syslog', 'use-journal'],
  reload: ['config-file', 'config-dir', 'control-socket', 'timeout', 'wait-drained'],
  'check-config': ['config-file', 'config-dir', 'strict'],
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
  const logging: LoggingOptions = {
    logFile: values['log-file'], logDir: values['log-dir'], debug: values.debug ?? false,
    useSyslog: values['use-syslog'] ?? false, useJournal: values['use-journal'] ?? false,
  };
  const empty = { configFiles: [], configDirs: [], configSources: [], strict: false, logging, waitDrained: false };
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
    configSources: orderSources(argv, values['config-file'] ?? [], values['config-dir'] ?? []),
    strict: values.strict ?? false,
    logging,
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
      strict: { type: 'boolean' },
      'log-file': { type: 'string' },
      'log-dir': { type: 'string' },
      debug: { type: 'boolean' },
      'use-syslog': { type: 'boolean' },
      'use-journal': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
}

/** Interleaves the --config-file and --config-dir values in the order they were given. */
function orderSources(argv: readonly string[], files: readonly string[], dirs: readonly string[]): ConfigSource[] {
  const ordered: ConfigSource[] = [];
  let file = 0;
  let dir = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    const name = arg.split('=')[0] ?? '';
    if (name === '--config-file' && file < files.length) ordered.push({ kind: 'file', path: files[file++]! });
    if (name === '--config-dir' && dir < dirs.length) ordered.push({ kind: 'dir', path: dirs[dir++]! });
    if (TAKES_VALUE.has(arg)) i += 1;
  }
  return ordered;
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
