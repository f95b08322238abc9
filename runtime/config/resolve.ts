// Turns parsed files into a validated ConfigSnapshot, reading them as oslo.config does (docs/config.md):
// merged in reading order, `$` substituted, typed, unknown names warned about (refused in strict mode).
import { ConfigError, combineConfigErrors } from './errors.js';
import type { IniDocument } from './ini-parser.js';
import { mergeDocuments, normalizeSectionName, type MergedSection } from './merge.js';
import type { OptionMap } from './options.js';
import type { ConfigSchema, SectionTemplate } from './schema.js';
import { ConfigSnapshot, type ConfigWarning, type ValueSource } from './snapshot.js';
import { findUnknownNames } from './unknown-names.js';
import { ValueReader, type ReadableSection } from './value-reader.js';

/** How to resolve. */
export interface ResolveOptions {
  /** Refuse unknown sections and options (`check-config --strict`); `[DEFAULT] config_strict` does the same. */
  strict?: boolean;
}

/**
 * Validates parsed files against the schema and builds the snapshot. Every problem is collected: values
 * of the wrong type, bad substitutions, missing required options, and (strict mode) unknown names.
 * Throws one ConfigError (first problem, then the others) when anything is wrong.
 */
export function resolveConfig(docs: readonly IniDocument[], schema: ConfigSchema, files: readonly string[], options: ResolveOptions = {}): ConfigSnapshot {
  const merged = mergeDocuments(docs);
  const errors: ConfigError[] = [];
  const sections = new Map<string, ReadableSection>();
  sections.set('DEFAULT', { name: 'DEFAULT', options: schema.DEFAULT, merged: merged.get('DEFAULT') });
  for (const [name, declared] of Object.entries(schema.sections)) {
    sections.set(normalizeSectionName(name), { name, options: declared, merged: merged.get(normalizeSectionName(name)) });
  }
  const reader = new ValueReader(sections, errors);

  const templated: Array<{ name: string; options: OptionMap; listedBy: string }> = [];
  const listed = new Map<SectionTemplate, string[]>();
  for (const template of schema.sectionTemplates) {
    const reading = reader.read('DEFAULT', template.namesFrom);
    const names = reading.ok ? ((reading.value as string[] | undefined) ?? []) : [];
    const where = merged.get('DEFAULT')?.values.get(template.namesFrom)?.at(-1);
    listed.set(template, names);
    for (const name of names) {
      if (sections.has(normalizeSectionName(name))) {
        errors.push(new ConfigError(`section name "${name}" is already used by another section; each name may appear once`, {
          file: where?.file, line: where?.line, section: 'DEFAULT', option: template.namesFrom, value: name,
        }));
        continue;
      }
      reader.addSection(normalizeSectionName(name), { name, options: template.options, merged: merged.get(normalizeSectionName(name)) });
      templated.push({ name, options: template.options, listedBy: template.namesFrom });
    }
  }

  const unknown = findUnknownNames(merged, {
    declared: sections, fixed: ['DEFAULT', ...Object.keys(schema.sections)], templates: schema.sectionTemplates, listed,
  });
  const values = new Map<string, Record<string, unknown>>();
  const sources = new Map<string, Map<string, ValueSource>>();
  const readSection = (name: string, declared: OptionMap, missing: (option: string) => ConfigError | undefined): void => {
    const key = normalizeSectionName(name);
    const section = merged.get(key);
    const record: Record<string, unknown> = {};
    const sectionSources = new Map<string, ValueSource>();
    for (const option of Object.keys(declared)) {
      const reading = reader.read(key, option);
      if (!reading.ok) continue;
      record[option] = reading.value;
      if (reading.source) sectionSources.set(option, reading.source);
      if (declared[option]!.required && reading.value === undefined) {
        const error = section?.values.has(option)
          ? new ConfigError('required option is missing (its value is empty)', { file: reading.source?.file, line: reading.source?.line, section: name, option })
          : missing(option);
        if (error) errors.push(error);
      }
    }
    values.set(name, record);
    sources.set(name, sectionSources);
  };

  const strictness = reader.read('DEFAULT', 'config_strict');
  if (options.strict === true || (strictness.ok && strictness.value === true)) errors.push(...unknown.map((u) => u.strict));
  const inFile = (name: string): MergedSection | undefined => merged.get(normalizeSectionName(name));
  const missingInFixed = (name: string) => (option: string): ConfigError => {
    const section = inFile(name);
    if (section) return new ConfigError('required option is missing', { file: section.file, line: section.line, section: name, option });
    return new ConfigError(`required option is missing (no file has section [${name}])`, { section: name, option });
  };
  readSection('DEFAULT', schema.DEFAULT, missingInFixed('DEFAULT'));
  for (const [name, declared] of Object.entries(schema.sections)) readSection(name, declared, missingInFixed(name));
  for (const { name, options: declared, listedBy } of templated) {
    readSection(name, declared, (option) => {
      const section = inFile(name);
      if (section) return new ConfigError('required option is missing', { file: section.file, line: section.line, section: name, option });
      const where = merged.get('DEFAULT')?.values.get(listedBy)?.at(-1);
      return new ConfigError(`required option is missing (section [${name}] is listed in ${listedBy} but no file has it)`, {
        file: where?.file, line: where?.line, section: name, option,
      });
    });
  }

  const error = combineConfigErrors(dropRepeats(errors));
  if (error) throw error;
  const warnings: ConfigWarning[] = unknown.map((u) => u.warning.toEventError());
  return new ConfigSnapshot(values, sources, files, warnings);
}

/** The same problem found twice (a bad reference read directly and through another option) is reported once. */
function dropRepeats(errors: readonly ConfigError[]): ConfigError[] {
  const seen = new Set<string>();
  return errors.filter((error) => !seen.has(error.message) && Boolean(seen.add(error.message)));
}
