// The module specifiers a compiled file imports, and which package a bare specifier names.
import { isBuiltin } from 'node:module';

const importPatterns = [
  /^\s*(?:import|export)\s[^;]*?\sfrom\s*(['"])([^'"]+)\1/gm,
  /^\s*import\s*(['"])([^'"]+)\1/gm,
  /\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
];

/** `source` without the comments that start a line (`tsc` keeps JSDoc, whose examples may show imports). */
function withoutLeadingComments(source: string): string {
  return source.replace(/^[ \t]*\/\*[\s\S]*?\*\//gm, '').replace(/^[ \t]*\/\/.*$/gm, '');
}

/** Every string-literal specifier `source` imports or re-exports (static and dynamic), in order of appearance. */
export function listImportSpecifiers(source: string): string[] {
  const found: { at: number; specifier: string }[] = [];
  const code = withoutLeadingComments(source);
  for (const pattern of importPatterns) {
    for (const match of code.matchAll(pattern)) found.push({ at: match.index ?? 0, specifier: match[2] ?? '' });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.specifier);
}

/** Whether a specifier is relative to the importing file (`./x.js`, `../y.js`). */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../');
}

/** The package a bare specifier names (`zod`, `@scope/name`); undefined for relative ones and Node's own modules. */
export function packageOfSpecifier(specifier: string): string | undefined {
  if (isRelativeSpecifier(specifier) || specifier.startsWith('/') || isBuiltin(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
