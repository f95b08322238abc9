// The runtime-overhead configuration: TABLE_COUNT table sections × OPTIONS_PER_TABLE options
// (500 options across 50 sections), and one option of one section changed per reload.
import { listTableOptionNames } from '../service/table-options.js';

/** Number of table sections. */
export const TABLE_COUNT = 50;

/** Table section names t00 … t49. */
export function listTableNames(): string[] {
  return Array.from({ length: TABLE_COUNT }, (_, index) => `t${String(index).padStart(2, '0')}`);
}

/** The tables after `reloads` reloads: reload n changes option o00 of table n mod 50 to "r<n>". */
export function buildTables(reloads: number): Array<{ name: string; values: Record<string, string> }> {
  return listTableNames().map((name, index) => {
    const values = Object.fromEntries(listTableOptionNames().map((option) => [option, `${name}-${option}-initial`]));
    const lastChange = lastChangeOf(index, reloads);
    if (lastChange > 0) values['o00'] = `r${lastChange}`;
    return { name, values };
  });
}

/** The latest reload number n ≤ reloads with n mod TABLE_COUNT = index (0 = never changed). */
function lastChangeOf(index: number, reloads: number): number {
  if (reloads < 1) return 0;
  const candidate = reloads - ((reloads - index) % TABLE_COUNT + TABLE_COUNT) % TABLE_COUNT;
  return candidate >= 1 ? candidate : 0;
}

/** The section reload n changes. */
export function changedTableOf(reload: number): string {
  return listTableNames()[reload % TABLE_COUNT] as string;
}
