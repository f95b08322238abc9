// Option tables for the runtime-overhead benchmark: sections named by [DEFAULT] `tables`, each with
// OPTIONS_PER_TABLE string options, and a stateless driver per table.
import { opt, type OptionMap } from '../../runtime/index.js';

/** Options in each table section. */
export const OPTIONS_PER_TABLE = 10;

/** The option names of a table section: o00, o01, … */
export function listTableOptionNames(): string[] {
  return Array.from({ length: OPTIONS_PER_TABLE }, (_, index) => `o${String(index).padStart(2, '0')}`);
}

/** The declarations of one table section (all mutable strings). */
export function declareTableOptions(): OptionMap {
  return Object.fromEntries(listTableOptionNames().map((name) => [name, opt.string({ default: '', mutable: true, help: 'bench value' })]));
}

/** A table section's driver: a frozen copy of its values (stateless, rebuilt when the section changes). */
export function buildTableDriver(values: Readonly<Record<string, unknown>>): { values: Readonly<Record<string, unknown>> } {
  return { values: Object.freeze({ ...values }) };
}
