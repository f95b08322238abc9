// Compares the running configuration with newly loaded files: what a reload applies, what needs a restart.
import type { ConfigSchema } from './schema.js';
import type { OptionMap } from './options.js';
import { ConfigSnapshot, type ValueSource } from './snapshot.js';

/** The outcome of comparing two configurations. */
export interface ConfigDiff {
  /** The configuration a reload switches to: the new files, with changed immutable options kept at their running values. */
  applied: ConfigSnapshot;
  /** `section.option` whose new value takes effect (options of added sections included). */
  changed: string[];
  /** `section.option` of immutable options that changed in the files but keep their running value. */
  restartRequired: string[];
  /** Sections present in both whose applied values changed. */
  changedSections: string[];
  addedSections: string[];
  removedSections: string[];
}

/** Diffs `next` against `running`; an immutable option keeps its running value (and source). */
export function diffConfig(running: ConfigSnapshot, next: ConfigSnapshot, schema: ConfigSchema): ConfigDiff {
  const changed: string[] = [];
  const restartRequired: string[] = [];
  const changedSections: string[] = [];
  const addedSections: string[] = [];
  const values = new Map<string, Record<string, unknown>>();
  const sources = new Map<string, Map<string, ValueSource>>();

  for (const name of next.sections()) {
    const record: Record<string, unknown> = { ...next.section(name) };
    const sectionSources = new Map(next.sourcesOf(name));
    values.set(name, record);
    sources.set(name, sectionSources);
    if (!running.hasSection(name)) {
      addedSections.push(name);
      for (const [option, value] of Object.entries(record)) if (value !== undefined) changed.push(`${name}.${option}`);
      continue;
    }
    const options = findOptions(schema, name, next);
    const old = running.section(name);
    let sectionChanged = false;
    for (const option of Object.keys(record)) {
      if (isSameValue(old[option], record[option])) continue;
      if (options[option]?.mutable) {
        changed.push(`${name}.${option}`);
        sectionChanged = true;
      } else {
        restartRequired.push(`${name}.${option}`);
        record[option] = old[option];
        const oldSource = running.sourceOf(name, option);
        if (oldSource) sectionSources.set(option, oldSource);
        else sectionSources.delete(option);
      }
    }
    if (sectionChanged) changedSections.push(name);
  }
  const removedSections = running.sections().filter((name) => !next.hasSection(name));
  return {
    applied: new ConfigSnapshot(values, sources, next.files, next.warnings),
    changed, restartRequired, changedSections, addedSections, removedSections,
  };
}

/** The declarations that apply to a section of `snapshot` (DEFAULT, fixed, or templated). */
function findOptions(schema: ConfigSchema, name: string, snapshot: ConfigSnapshot): OptionMap {
  if (name === 'DEFAULT') return schema.DEFAULT;
  const fixed = schema.sections[name];
  if (fixed) return fixed;
  for (const template of schema.sectionTemplates) {
    const names = snapshot.get('DEFAULT', template.namesFrom) as string[] | undefined;
    if (names?.includes(name)) return template.options;
  }
  return {};
}

/** Deep equality of option values (strings, numbers, booleans, lists, host:port records). */
export function isSameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
