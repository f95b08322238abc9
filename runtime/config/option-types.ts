// Value types of options: each turns the raw text of a file into a typed value or says what it expected.

/** The outcome of reading one raw value: the typed value, or what was expected instead. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; expected: string };

/** A value type: its name (for help and errors) and how to read raw text. */
export interface OptionType<T> {
  name: string;
  parse(raw: string): ParseResult<T>;
  /** An empty value reads as unset (undefined), as oslo's Integer, Float and Port types return None. */
  emptyIsUnset?: boolean;
}

/** `host:port` as read by opt.hostPort (IPv6 hosts without brackets). */
export interface HostPort {
  host: string;
  port: number;
}

const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
const no = <T>(expected: string): ParseResult<T> => ({ ok: false, expected });

/** Any text, as written. */
export const stringType: OptionType<string> = { name: 'string', parse: (raw) => ok(raw) };

/** A non-empty path. */
export const pathType: OptionType<string> = {
  name: 'path',
  parse: (raw) => (raw.trim() === '' ? no('a non-empty path') : ok(raw.trim())),
};

/** Words oslo.config accepts as booleans (case-insensitive). */
const TRUE_WORDS = ['true', 'yes', 'on', '1'];
const FALSE_WORDS = ['false', 'no', 'off', '0'];

/** true/false, yes/no, on/off, 1/0. */
export const boolType: OptionType<boolean> = {
  name: 'bool',
  parse: (raw) => {
    const word = raw.trim().toLowerCase();
    if (TRUE_WORDS.includes(word)) return ok(true);
    if (FALSE_WORDS.includes(word)) return ok(false);
    return no('a boolean (true/false, yes/no, on/off, 1/0)');
  },
};

/** Comma separated, items trimmed, empty items dropped. */
export const listType: OptionType<string[]> = {
  name: 'list',
  parse: (raw) => ok(raw.split(',').map((item) => item.trim()).filter((item) => item !== '')),
};

/** Describes a numeric range for messages: "an integer from 1 to 65535", "a number >= 0". */
function describeRange(noun: string, min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
  if (min !== undefined) return `${noun} >= ${min}`;
  if (max !== undefined) return `${noun} <= ${max}`;
  return noun;
}

/** A whole number, optionally bounded (bounds included). */
export function intType(min?: number, max?: number): OptionType<number> {
  const expected = describeRange('an integer', min, max);
  return {
    name: 'int',
    emptyIsUnset: true,
    parse: (raw) => {
      const text = raw.trim();
      if (!/^[+-]?\d+$/.test(text)) return no(expected);
      const value = Number(text);
      if (!Number.isSafeInteger(value)) return no(expected);
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) return no(expected);
      return ok(value);
    },
  };
}

/** A decimal number, optionally bounded (bounds included). */
export function floatType(min?: number, max?: number): OptionType<number> {
  const expected = describeRange('a number', min, max);
  return {
    name: 'float',
    emptyIsUnset: true,
    parse: (raw) => {
      const text = raw.trim();
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return no(expected);
      const value = Number(text);
      if (!Number.isFinite(value)) return no(expected);
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) return no(expected);
      return ok(value);
    },
  };
}

/** A TCP/UDP port, 1–65535. */
export const portType: OptionType<number> = { ...intType(1, 65535), name: 'port' };

/** `host:port`, IPv6 as `[::1]:80`. */
export const hostPortType: OptionType<HostPort> = {
  name: 'host:port',
  parse: (raw) => {
    const expected = 'host:port with a port from 1 to 65535 (IPv6 as [::1]:80)';
    const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:\s[\]]+)):(\d+)$/.exec(raw.trim());
    if (!match) return no(expected);
    const port = portType.parse(match[3] ?? '');
    if (!port.ok) return no(expected);
    return ok({ host: match[1] ?? match[2] ?? '', port: port.value });
  },
};

/** One of a fixed set of words (case-sensitive). */
export function choiceType(choices: readonly string[]): OptionType<string> {
  const expected = `one of ${choices.map((choice) => JSON.stringify(choice)).join(', ')}`;
  return {
    name: 'choice',
    parse: (raw) => (choices.includes(raw.trim()) ? ok(raw.trim()) : no(expected)),
  };
}
