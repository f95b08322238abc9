// Sections and options no declaration knows: warnings by default (oslo.config ignores what no code
// registered), errors in strict mode. Each finding carries both forms.
import { ConfigError } from './errors.js';
import type { MergedSection } from './merge.js';
import type { OptionMap } from './options.js';
import type { SectionTemplate } from './schema.js';
import { suggestName } from './suggest.js';

/** One unknown name: the warning shown by default, the error strict mode refuses with. */
export interface UnknownName {
  warning: ConfigError;
  strict: ConfigError;
}

/** What the files' sections are checked against. */
export interface KnownSections {
  /** Declared and listed sections by normalised name. */
  declared: Map<string, { name: string; options: OptionMap }>;
  /** DEFAULT and the fixed sections, as declared. */
  fixed: string[];
  templates: readonly SectionTemplate[];
  /** Names each template's list holds now. */
  listed: Map<SectionTemplate, string[]>;
}

/** Every unknown option of a known section and every unknown section that holds an assignment. */
export function findUnknownNames(merged: Map<string, MergedSection>, known: KnownSections): UnknownName[] {
  const found: UnknownName[] = [];
  for (const [key, section] of merged) {
    const declared = known.declared.get(key);
    if (declared) {
      for (const [option, values] of section.values) {
        if (declared.options[option]) continue;
        const raw = values[values.length - 1]!;
        const where = { file: raw.file, line: raw.line, section: declared.name, option, value: raw.value };
        const names = Object.keys(declared.options);
        const near = suggestName(option, names);
        found.push({
          warning: new ConfigError(near ? `unknown option; did you mean ${near}?` : 'unknown option, ignored', where),
          strict: new ConfigError(`unknown option (options of this section: ${names.length ? names.join(', ') : 'none'})`, where),
        });
      }
      continue;
    }
    if (section.values.size === 0) continue;
    const where = { file: section.file, line: section.line, section: section.name };
    found.push({ warning: new ConfigError(describeIgnoredSection(section, known), where), strict: new ConfigError(`unknown section (${describeKnownSections(known)})`, where) });
  }
  return found;
}

/** The warning for an unknown section: a backend not enabled gets a note, a near-miss a suggestion. */
function describeIgnoredSection(section: MergedSection, known: KnownSections): string {
  const options = [...section.values.keys()];
  const template = known.templates.find((t) => options.every((option) => t.options[option]));
  if (template) {
    const listed = known.listed.get(template) ?? [];
    return `section not listed in ${template.namesFrom} (now: ${listed.length ? listed.join(', ') : 'none'}), ignored; add it there to use it`;
  }
  const near = suggestName(section.name, [...known.declared.values()].map((d) => d.name).filter((n) => n !== 'DEFAULT'));
  return near ? `unknown section; did you mean [${near}]?` : 'unknown section, ignored';
}

/** "expected DEFAULT, scheduler, or a name listed in enabled_backends (now: a, b)". */
function describeKnownSections(known: KnownSections): string {
  const fixed = known.fixed.join(', ');
  const lists = known.templates.map((template) => {
    const listed = known.listed.get(template) ?? [];
    return `a name listed in ${template.namesFrom} (now: ${listed.length ? listed.join(', ') : 'none'})`;
  });
  return `expected ${[fixed, ...lists].join(', or ')}`;
}
