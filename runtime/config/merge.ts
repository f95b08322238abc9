// Merges parsed files into one view per section, as oslo.config's _Namespace sees them.
import type { IniDocument, IniValue } from './ini-parser.js';

/** A section over all files: where it is first written and every assignment of each key, in reading order. */
export interface MergedSection {
  /** The name as first written. */
  name: string;
  /** The first header of the section that holds an assignment (else its first header). */
  file: string;
  line: number;
  values: Map<string, IniValue[]>;
}

/** oslo's _normalize_group_name: `DEFAULT` stays, every other section name is matched in lower case. */
export function normalizeSectionName(name: string): string {
  return name === 'DEFAULT' ? name : name.toLowerCase();
}

/** Merges files in reading order, by normalised section name; every occurrence of a key is kept. */
export function mergeDocuments(docs: readonly IniDocument[]): Map<string, MergedSection> {
  const merged = new Map<string, MergedSection>();
  for (const doc of docs) {
    for (const [name, section] of doc.sections) {
      const key = normalizeSectionName(name);
      let target = merged.get(key);
      if (!target) {
        target = { name, file: section.file, line: section.line, values: new Map() };
        merged.set(key, target);
      }
      if (target.values.size === 0 && section.occurrences.size > 0) {
        target.file = section.file;
        target.line = section.line;
      }
      for (const [option, values] of section.occurrences) {
        const all = target.values.get(option);
        if (all) all.push(...values);
        else target.values.set(option, [...values]);
      }
    }
  }
  return merged;
}
