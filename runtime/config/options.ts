// Option declarations: `opt.int({ min, max, default, required, mutable, help })` and friends.
import {
  boolType, choiceType, floatType, hostPortType, intType, listType, pathType, portType, stringType,
  type HostPort, type OptionType,
} from './option-types.js';

/** What every declaration takes. `mutable` defaults to false: a reload may change only mutable options. */
export interface OptionSettings<T> {
  default?: T;
  required?: boolean;
  mutable?: boolean;
  /**
   * Multi-valued, like oslo's MultiOpt: every assignment of the key, over every line, file and
   * directory in reading order, becomes one item of a list (the value is `T[]`, the default `[]`).
   */
  multi?: boolean;
  help?: string;
}

/** A declared option: its type plus the settings, normalised. */
export interface OptionDeclaration<T = unknown> {
  type: OptionType<T>;
  default?: T;
  required: boolean;
  mutable: boolean;
  /** Every occurrence is kept; the value is a list of T (see OptionSettings.multi). */
  multi: boolean;
  help?: string;
}

/** Options of one section, by name. */
export type OptionMap = Record<string, OptionDeclaration>;

/** Builds a declaration; a default the type itself would reject is a programming error, thrown at once. */
function declare<T>(factory: string, type: OptionType<T>, settings: OptionSettings<T>, check?: (value: T) => string | undefined): OptionDeclaration<T> {
  if (settings.default !== undefined && check) {
    const items: unknown[] = settings.multi && Array.isArray(settings.default) ? settings.default : [settings.default];
    for (const item of items) {
      const problem = check(item as T);
      if (problem) throw new TypeError(`invalid default for opt.${factory}(): ${problem}`);
    }
  }
  return {
    type,
    default: settings.default,
    required: settings.required ?? false,
    mutable: settings.mutable ?? false,
    multi: settings.multi ?? false,
    help: settings.help,
  };
}

/** Checks a typed default by formatting it the way a file would and reading it back. */
function checkByType<T>(type: OptionType<T>, format: (value: T) => string = String): (value: T) => string | undefined {
  return (value) => {
    const result = type.parse(format(value));
    return result.ok ? undefined : `expected ${result.expected}, got ${JSON.stringify(value)}`;
  };
}

/** Numeric bounds for opt.int / opt.float. */
export interface RangeSettings {
  min?: number;
  max?: number;
}

/** The option factories. */
export const opt = {
  /** Any text. */
  string: (s: OptionSettings<string> = {}) => declare('string', stringType, s),
  /** A whole number within optional bounds. */
  int: (s: OptionSettings<number> & RangeSettings = {}) => {
    const type = intType(s.min, s.max);
    return declare('int', type, s, checkByType(type));
  },
  /** A decimal number within optional bounds. */
  float: (s: OptionSettings<number> & RangeSettings = {}) => {
    const type = floatType(s.min, s.max);
    return declare('float', type, s, checkByType(type));
  },
  /** true/false, yes/no, on/off, 1/0. */
  bool: (s: OptionSettings<boolean> = {}) => declare('bool', boolType, s),
  /** Comma separated list of words. */
  list: (s: OptionSettings<string[]> = {}) => declare('list', listType, s),
  /** A port, 1–65535. */
  port: (s: OptionSettings<number> = {}) => declare('port', portType, s, checkByType(portType)),
  /** `host:port` (IPv6 as `[::1]:80`); the default may be written as text. */
  hostPort: (s: Omit<OptionSettings<HostPort>, 'default'> & { default?: HostPort | string } = {}) => {
    let fallback: HostPort | undefined;
    if (typeof s.default === 'string') {
      const parsed = hostPortType.parse(s.default);
      if (!parsed.ok) throw new TypeError(`invalid default for opt.hostPort(): expected ${parsed.expected}, got ${JSON.stringify(s.default)}`);
      fallback = parsed.value;
    } else {
      fallback = s.default;
    }
    return declare('hostPort', hostPortType, { ...s, default: fallback });
  },
  /** Text, every occurrence kept (oslo's MultiStrOpt): the value is a string[], the default []. */
  multiString: (s: Omit<OptionSettings<string[]>, 'multi'> = {}) => declare('multiString', stringType, { ...s, multi: true } as OptionSettings<unknown>) as OptionDeclaration<unknown>,
  /** A filesystem path. */
  path: (s: OptionSettings<string> = {}) => declare('path', pathType, s, checkByType(pathType)),
  /** One of a fixed set of words. */
  choice: (s: OptionSettings<string> & { choices: readonly string[] }) => {
    const type = choiceType(s.choices);
    return declare('choice', type, s, checkByType(type));
  },
};
