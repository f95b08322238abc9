// Every import of a staged package either stays inside it or names a package it may depend on.
import { posix } from 'node:path';
import { isRelativeSpecifier, listImportSpecifiers, packageOfSpecifier } from './module-imports.js';
import type { NpmPackageDefinition } from './package-definitions.js';

/** A staged file's path in the package and its text. */
export interface StagedModule {
  path: string;
  text: string;
}

/** The file a relative import resolves to in the package (`./x.js` from a .d.ts means `./x.d.ts`). */
function resolveRelative(from: string, specifier: string): string {
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  return from.endsWith('.d.ts') ? target.replace(/\.js$/, '.d.ts') : target;
}

/**
 * Checks the staged modules' imports; resolves with the packages they import (the package's dependencies).
 * Throws, naming file and specifier, for a relative import of a file the package does not hold or a package
 * the definition does not allow.
 */
export function collectDependencies(definition: NpmPackageDefinition, modules: readonly StagedModule[], allPaths: ReadonlySet<string>): Set<string> {
  const dependencies = new Set<string>();
  const problems: string[] = [];
  for (const module of modules) {
    for (const specifier of listImportSpecifiers(module.text)) {
      if (isRelativeSpecifier(specifier)) {
        const target = resolveRelative(module.path, specifier);
        if (!allPaths.has(target)) problems.push(`${module.path} imports ${specifier}, but the package has no ${target}`);
        continue;
      }
      const name = packageOfSpecifier(specifier);
      if (name === undefined || name === definition.name) continue;
      if (!definition.allowedDependencies.includes(name)) {
        problems.push(`${module.path} imports ${specifier}: expected only ${definition.allowedDependencies.join(', ') || 'Node.js built-ins'}`);
        continue;
      }
      dependencies.add(name);
    }
  }
  if (problems.length > 0) throw new Error(`cannot build ${definition.name}:\n  ${problems.join('\n  ')}`);
  return dependencies;
}
