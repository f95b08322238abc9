// ConfigError: every configuration problem, located by file, line, section and option where known.
import type { ErrorLocation, EventError } from '../model/events.js';

/** What a ConfigError knows about where and what went wrong. */
export interface ConfigErrorDetails extends ErrorLocation {
  /** The raw value received, when a value was wrong. */
  value?: string;
  cause?: unknown;
}

/** A configuration problem. Message: `cinder.conf:12: [backend_a] san_port: expected …, got "80x"`. */
export class ConfigError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly section?: string;
  readonly option?: string;
  readonly value?: string;
  /** The bare problem, without the location prefix. */
  readonly problem: string;
  /** Further problems found in the same validation pass (this error is the first). */
  readonly others: ConfigError[];

  constructor(problem: string, details: ConfigErrorDetails = {}, others: ConfigError[] = []) {
    const head = formatLocation(details);
    const own = head ? `${head} ${problem}` : problem;
    const message = [own, ...others.map((other) => other.message)].join('\n');
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ConfigError';
    this.problem = problem;
    this.file = details.file;
    this.line = details.line;
    this.section = details.section;
    this.option = details.option;
    this.value = details.value;
    this.others = others;
  }

  /** Every problem of this pass, each as its own error (the first without the others appended). */
  all(): ConfigError[] {
    if (this.others.length === 0) return [this];
    const details: ConfigErrorDetails = { file: this.file, line: this.line, section: this.section, option: this.option, value: this.value, cause: this.cause };
    return [new ConfigError(this.problem, details), ...this.others];
  }

  /** The shape errors travel in events and over the control socket. */
  toEventError(): EventError {
    const out: EventError = { message: this.message };
    if (this.file !== undefined) out.file = this.file;
    if (this.line !== undefined) out.line = this.line;
    if (this.section !== undefined) out.section = this.section;
    if (this.option !== undefined) out.option = this.option;
    return out;
  }
}

/** Joins several problems into one ConfigError (the first carries the location fields); throws nothing. */
export function combineConfigErrors(errors: ConfigError[]): ConfigError | undefined {
  const [first, ...rest] = errors;
  if (!first) return undefined;
  if (rest.length === 0) return first;
  const [head, ...more] = first.all();
  return new ConfigError(first.problem, head ?? first, [...more, ...rest.flatMap((e) => e.all())]);
}

/** `file:line: [section] option:` with whatever parts are known. */
function formatLocation(details: ErrorLocation): string {
  const parts: string[] = [];
  if (details.file !== undefined) {
    parts.push(details.line !== undefined ? `${details.file}:${details.line}:` : `${details.file}:`);
  }
  if (details.section !== undefined) parts.push(`[${details.section}]`);
  if (details.option !== undefined) parts.push(`${details.option}:`);
  return parts.join(' ');
}
