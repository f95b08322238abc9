// oslo.config's INI dialect, parsed with the file and line of every value kept.
import { ConfigError, combineConfigErrors } from './errors.js';

/** One `key = value` as written, with where it was written (the line of the key). */
export interface IniValue {
  value: string;
  file: string;
  line: number;
}

/** One `[section]`; a section written twice in a file is merged, the first header's line is kept. */
export interface IniSection {
  name: string;
  file: string;
  line: number;
  /** The last assignment of each key (what a single-valued option reads). */
  values: Map<string, IniValue>;
  /** Every assignment of each key, in file order (what a multi-valued option reads, as oslo keeps them all). */
  occurrences: Map<string, IniValue[]>;
}

/** How strictly to parse. */
export interface ParseIniOptions {
  /**
   * Never throw: lines that are not valid are skipped, and assignments before any header count as
   * [DEFAULT]. For readers that only need one value and must not fail (the reload client).
   */
  lenient?: boolean;
}

/** One parsed file: sections in the order they first appear. */
export interface IniDocument {
  file: string;
  sections: Map<string, IniSection>;
}

/**
 * Parses INI text the way oslo.config's iniparser does: `#`/`;` comment lines, `key = value` or
 * `key: value` (the first of `=`/`:` splits), one pair of matching surrounding quotes removed, lines
 * starting with a space or tab continue the previous value (joined with "\n"), a blank line ends a
 * value, every assignment of a key is kept (`occurrences`) and the last one is its value. Every syntax error of the file is
 * collected; throws one ConfigError naming file:line for each.
 */
export function parseIni(text: string, file: string, options: ParseIniOptions = {}): IniDocument {
  const doc: IniDocument = { file, sections: new Map() };
  const errors: ConfigError[] = [];
  let section: IniSection | undefined;
  let sectionBroken = false;
  let pending: { key: string; parts: string[]; line: number } | undefined;

  const flush = (): void => {
    if (pending && section) {
      const value: IniValue = { value: pending.parts.join('\n'), file, line: pending.line };
      section.values.set(pending.key, value);
      const all = section.occurrences.get(pending.key);
      if (all) all.push(value);
      else section.occurrences.set(pending.key, [value]);
    }
    pending = undefined;
  };
  const openSection = (name: string, line: number): IniSection => {
    let found = doc.sections.get(name);
    if (!found) {
      found = { name, file, line, values: new Map(), occurrences: new Map() };
      doc.sections.set(name, found);
    }
    return found;
  };
  const fail = (line: number, problem: string): void => {
    errors.push(new ConfigError(problem, { file, line }));
  };

  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    const line = rawLine.trimEnd();
    if (line === '') {
      flush();
      return;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (pending) pending.parts.push(line.trimStart());
      else if (!sectionBroken) fail(lineNo, `unexpected continuation line (a line starting with a space or tab continues the previous value): ${JSON.stringify(line)}`);
      return;
    }
    flush();
    if (line.startsWith('[')) {
      const name = readSectionName(line);
      if (typeof name !== 'string') {
        fail(lineNo, name.problem);
        section = undefined;
        sectionBroken = true;
        return;
      }
      sectionBroken = false;
      section = openSection(name, lineNo);
      return;
    }
    if (line.startsWith('#') || line.startsWith(';')) return;
    const pair = splitKeyValue(line);
    if ('problem' in pair) return fail(lineNo, pair.problem);
    if (!section && options.lenient && !sectionBroken) section = openSection('DEFAULT', lineNo);
    if (!section) {
      if (!sectionBroken) fail(lineNo, `assignment before any [section] header: ${JSON.stringify(line)} (options without a section belong in [DEFAULT])`);
      return;
    }
    pending = { key: pair.key, parts: [pair.value], line: lineNo };
  });
  flush();

  const error = options.lenient ? undefined : combineConfigErrors(errors);
  if (error) throw error;
  return doc;
}

/** `[name]` → name, or the problem with the header. */
function readSectionName(line: string): string | { problem: string } {
  if (!line.endsWith(']')) return { problem: `invalid section header ${JSON.stringify(line)}: expected it to end with "]"` };
  const name = line.slice(1, -1).trim();
  if (name === '') return { problem: `empty section name in ${JSON.stringify(line)}` };
  return name;
}

/** `key = value` / `key: value` → key and unquoted value, or the problem with the line. */
function splitKeyValue(line: string): { key: string; value: string } | { problem: string } {
  const colon = line.indexOf(':');
  const equal = line.indexOf('=');
  if (colon < 0 && equal < 0) return { problem: `expected "key = value", got ${JSON.stringify(line)} (no "=" or ":")` };
  const at = colon < 0 || (equal >= 0 && equal < colon) ? equal : colon;
  const key = line.slice(0, at).trim();
  let value = line.slice(at + 1).trim();
  if (key === '') return { problem: `empty option name in ${JSON.stringify(line)}` };
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[0] === value[value.length - 1]) {
    value = value.slice(1, -1);
  }
  return { key, value };
}
