// Reads each declared option's value as oslo's ConfigOpts._do_get does: the last assignment (every one for
// a multi-valued option), `$` substitution (own section, then [DEFAULT]; recursive), then the type.
import { ConfigError } from './errors.js';
import type { IniValue } from './ini-parser.js';
import { normalizeSectionName, type MergedSection } from './merge.js';
import type { OptionDeclaration, OptionMap } from './options.js';
import type { ValueSource } from './snapshot.js';
import { splitReference, substituteTemplate } from './substitute.js';

/** A section the reader knows: its name in the snapshot, its declarations, what the files hold for it. */
export interface ReadableSection {
  name: string;
  options: OptionMap;
  merged?: MergedSection;
}

/** One option's outcome: its typed value (undefined = unset) and where it was written; or failed (reported). */
type Reading = { ok: true; value: unknown; source?: ValueSource } | { ok: false };

/** Thrown through a substitution chain whose problem has already been reported. */
class AlreadyReported extends Error {}

/** Reads, substitutes and types option values on demand, each once; problems go to `errors`. */
export class ValueReader {
  private readonly readings = new Map<string, Reading>();
  private readonly texts = new Map<string, string>();
  private readonly reading: string[] = [];

  constructor(private readonly sections: Map<string, ReadableSection>, private readonly errors: ConfigError[]) {}

  /** Makes a section known (templated sections, once the list naming them has been read). */
  addSection(key: string, section: ReadableSection): void {
    this.sections.set(key, section);
  }

  /** The typed value of a declared option of a known section (key: normalised section name). */
  read(sectionKey: string, option: string): Reading {
    const id = `${sectionKey}\0${option}`;
    const known = this.readings.get(id);
    if (known) return known;
    const section = this.sections.get(sectionKey)!;
    const decl = section.options[option]!;
    this.reading.push(`[${section.name}] ${option}`);
    let result: Reading;
    try {
      result = this.compute(sectionKey, section, option, decl);
    } finally {
      this.reading.pop();
    }
    this.readings.set(id, result);
    return result;
  }

  /** What the files (or the default) give, substituted, typed. */
  private compute(sectionKey: string, section: ReadableSection, option: string, decl: OptionDeclaration): Reading {
    const written = section.merged?.values.get(option) ?? [];
    const located = (raw: IniValue | undefined, extra: Record<string, unknown> = {}) => ({
      file: raw?.file, line: raw?.line, section: section.name, option, value: raw?.value, ...extra,
    });
    const fail = (problem: string, raw?: IniValue): Reading => {
      this.errors.push(new ConfigError(problem, located(raw)));
      return { ok: false };
    };
    const typed = (raw: IniValue | undefined, text: string): { ok: true; value: unknown } | { ok: false; problem: string } => {
      if (decl.type.emptyIsUnset && text.trim() === '') return { ok: true, value: undefined };
      const parsed = decl.type.parse(text);
      return parsed.ok ? parsed : { ok: false, problem: `expected ${parsed.expected}, got ${JSON.stringify(text)}${raw && text !== raw.value ? ` (from ${JSON.stringify(raw.value)})` : ''}` };
    };
    try {
      if (written.length === 0) {
        if (typeof decl.default !== 'string' || !decl.default.includes('$')) {
          return { ok: true, value: decl.multi ? [...((decl.default as unknown[] | undefined) ?? [])] : decl.default };
        }
        const result = typed(undefined, this.substitute(sectionKey, decl.default, undefined, option));
        return result.ok ? { ok: true, value: result.value } : fail(`default: ${result.problem}`);
      }
      const last = written[written.length - 1]!;
      const source = { file: last.file, line: last.line };
      if (!decl.multi) {
        const result = typed(last, this.substitute(sectionKey, last.value, last, option));
        return result.ok ? { ok: true, value: result.value, source } : fail(result.problem, last);
      }
      const items: unknown[] = [];
      let failed = false;
      for (const raw of written) {
        const result = typed(raw, this.substitute(sectionKey, raw.value, raw, option));
        if (!result.ok) {
          this.errors.push(new ConfigError(result.problem, located(raw)));
          failed = true;
        } else if (result.value !== undefined) items.push(result.value);
      }
      return failed ? { ok: false } : { ok: true, value: items, source };
    } catch (error) {
      if (error instanceof AlreadyReported) return { ok: false };
      throw error;
    }
  }

  /** Substitutes one value written in (or defaulted for) `sectionKey`; a bad reference is reported here. */
  private substitute(sectionKey: string, value: string, raw: IniValue | undefined, option: string): string {
    return substituteTemplate(value, (name) => {
      const found = this.textOf(sectionKey, name);
      if (typeof found === 'string') return found;
      const section = this.sections.get(sectionKey)!;
      this.errors.push(new ConfigError(`cannot substitute $${name}: ${found.problem}`, {
        file: raw?.file, line: raw?.line, section: section.name, option, value: raw?.value ?? value,
      }));
      throw new AlreadyReported();
    });
  }

  /** The text `$name` stands for, looked up as oslo's StrSubWrapper does; or why it cannot be. */
  private textOf(sectionKey: string, name: string): string | { problem: string } {
    const { group, option } = splitReference(name);
    const groupKey = group === undefined ? sectionKey : normalizeSectionName(group);
    const section = this.sections.get(groupKey);
    if (group !== undefined && !section) return { problem: `no section [${group}] declares options (${this.describeSections()})` };
    if (section?.options[option]) return this.textOfOption(groupKey, option);
    const fallback = this.sections.get('DEFAULT');
    if (fallback?.options[name]) return this.textOfOption('DEFAULT', name);
    const where = group === undefined && sectionKey !== 'DEFAULT' ? `[${section?.name}] or [DEFAULT]` : `[${section?.name ?? 'DEFAULT'}]`;
    return { problem: `no option ${group === undefined ? name : option} is declared in ${where}` };
  }

  /** The substituted text of a declared option (unset: empty), for use inside another value. */
  private textOfOption(sectionKey: string, option: string): string | { problem: string } {
    const section = this.sections.get(sectionKey)!;
    const label = `[${section.name}] ${option}`;
    if (this.reading.includes(label)) return { problem: `substitution loop: ${[...this.reading.slice(this.reading.indexOf(label)), label].join(' -> ')}` };
    const decl = section.options[option]!;
    if (decl.multi) return { problem: `${label} is multi-valued; only single values can be substituted` };
    const id = `${sectionKey}\0${option}`;
    const cached = this.texts.get(id);
    if (cached !== undefined) return cached;
    const written = section.merged?.values.get(option);
    const last = written?.[written.length - 1];
    let text: string;
    this.reading.push(label);
    try {
      if (last) text = this.substitute(sectionKey, last.value, last, option);
      else if (typeof decl.default === 'string') text = this.substitute(sectionKey, decl.default, undefined, option);
      else text = formatDefault(decl.default);
    } finally {
      this.reading.pop();
    }
    this.texts.set(id, text);
    return text;
  }

  /** "sections: DEFAULT, scheduler, backend_a". */
  private describeSections(): string {
    return `sections: ${[...this.sections.values()].map((s) => s.name).join(', ')}`;
  }
}

/** A non-text default as the text a file would hold: lists comma-separated, host:port records joined, unset empty. */
function formatDefault(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object' && 'host' in value && 'port' in value) {
    const { host, port } = value as { host: string; port: number };
    return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  }
  return String(value);
}
