// Turns parsed INI files into a validated ConfigSnapshot: merge (later file wins), check, type, default.
import { ConfigError, combineConfigErrors } from './errors.js';
import type { IniDocument, IniValue } from './ini-parser.js';
import type { OptionMap } from './options.js';
import type { ConfigSchema } from './schema.js';
import { ConfigSnapshot, type ValueSource } from './snapshot.js';

/** A section merged over all files: its first header's location and the winning value of each key. */
interface MergedSection {
  file: string;
  line: number;
  values: Map<string, IniValue>;
}

/**
 * Validates parsed files against the schema and builds the snapshot. Every problem is collected:
 * unknown sections and options, values of the wrong type, missing required options.
 * Throws one ConfigError (first problem, then the others) when anything is wrong.
 */
export function resolveConfig(docs: readonly IniDocument[], schema: ConfigSchema, files: readonly string[]): ConfigSnapshot {
  const merged = mergeDocuments(docs);
  const errors: ConfigError[] = [];
  const values = new Map<string, Record<string, unknown>>();
  const sources = new Map<string, Map<string, ValueSource>>();

  const defaults = readSection('DEFAULT', schema.DEFAULT, merged.get('DEFAULT'), errors, sources);
  values.set('DEFAULT', defaults);

  const templated = new Map<string, { options: OptionMap; listedBy: string }>();
  for (const template of schema.sectionTemplates) {
    const names = (defaults[template.namesFrom] as string[] | undefined) ?? [];
    const where = merged.get('DEFAULT')?.values.get(template.namesFrom);
    for (const name of names) {
      if (name === 'DEFAULT' || name in schema.sections || templated.has(name)) {
        errors.push(new ConfigError(`section name "${name}" is already used by another section; each name may appear once`, {
          file: where?.file, line: where?.line, section: 'DEFAULT', option: template.namesFrom, value: name,
        }));
        continue;
      }
      templated.set(name, { options: template.options, listedBy: template.namesFrom });
    }
  }

  for (const [name, section] of merged) {
    if (name === 'DEFAULT' || name in schema.sections || templated.has(name)) continue;
    errors.push(new ConfigError(`unknown section (${describeKnownSections(schema, templated)})`, {
      file: section.file, line: section.line, section: name,
    }));
  }

  for (const [name, options] of Object.entries(schema.sections)) {
    values.set(name, readSection(name, options, merged.get(name), errors, sources));
  }
  for (const [name, { options, listedBy }] of templated) {
    const section = merged.get(name);
    if (!section) {
      const where = merged.get('DEFAULT')?.values.get(listedBy);
      for (const [option, decl] of Object.entries(options)) {
        if (decl.required) {
          errors.push(new ConfigError(`required option is missing (section [${name}] is listed in ${listedBy} but no file has it)`, {
            file: where?.file, line: where?.line, section: name, option,
          }));
        }
      }
    }
    values.set(name, readSection(name, options, section, errors, sources, false));
  }

  const error = combineConfigErrors(errors);
  if (error) throw error;
  return new ConfigSnapshot(values, sources, files);
}

/** Merges files in order; a later file's value for the same option wins. */
function mergeDocuments(docs: readonly IniDocument[]): Map<string, MergedSection> {
  const merged = new Map<string, MergedSection>();
  for (const doc of docs) {
    for (const [name, section] of doc.sections) {
      let target = merged.get(name);
      if (!target) {
        target = { file: section.file, line: section.line, values: new Map() };
        merged.set(name, target);
      }
      for (const [key, value] of section.values) target.values.set(key, value);
    }
  }
  return merged;
}

/** Types every value of one section, reports unknown/invalid/missing ones, fills in defaults. */
function readSection(
  name: string, options: OptionMap, section: MergedSection | undefined,
  errors: ConfigError[], sources: Map<string, Map<string, ValueSource>>, reportMissingSection = true,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const sectionSources = new Map<string, ValueSource>();
  sources.set(name, sectionSources);
  for (const [key, raw] of section?.values ?? []) {
    const decl = options[key];
    if (!decl) {
      const known = Object.keys(options);
      errors.push(new ConfigError(`unknown option (options of this section: ${known.length ? known.join(', ') : 'none'})`, {
        file: raw.file, line: raw.line, section: name, option: key, value: raw.value,
      }));
      continue;
    }
    const parsed = decl.type.parse(raw.value);
    if (!parsed.ok) {
      errors.push(new ConfigError(`expected ${parsed.expected}, got ${JSON.stringify(raw.value)}`, {
        file: raw.file, line: raw.line, section: name, option: key, value: raw.value,
      }));
      continue;
    }
    record[key] = parsed.value;
    sectionSources.set(key, { file: raw.file, line: raw.line });
  }
  for (const [key, decl] of Object.entries(options)) {
    if (key in record || section?.values.has(key)) continue;
    if (decl.required && section) {
      errors.push(new ConfigError('required option is missing', { file: section.file, line: section.line, section: name, option: key }));
    } else if (decl.required && reportMissingSection) {
      errors.push(new ConfigError(`required option is missing (no file has section [${name}])`, { section: name, option: key }));
    }
    record[key] = decl.default;
  }
  return record;
}

/** "expected DEFAULT, scheduler, or a name listed in enabled_backends (now: a, b)". */
function describeKnownSections(schema: ConfigSchema, templated: Map<string, { listedBy: string }>): string {
  const fixed = ['DEFAULT', ...Object.keys(schema.sections)].join(', ');
  const lists = schema.sectionTemplates.map((template) => {
    const listed = [...templated].filter(([, t]) => t.listedBy === template.namesFrom).map(([n]) => n);
    return `a name listed in ${template.namesFrom} (now: ${listed.length ? listed.join(', ') : 'none'})`;
  });
  return `expected ${[fixed, ...lists].join(', or ')}`;
}
