// Lays out one npm package in a folder: its files, launchers, licence, changelog, readme and package.json.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { collectDependencies, type StagedModule } from './check-imports.js';
import type { NpmPackageDefinition } from './package-definitions.js';
import { binPath, composePackageJson } from './package-json.js';
import type { RepoPackage } from './repo-package.js';
import { selectTreeFiles } from './select-files.js';

/** Where the inputs are. */
export interface StageInputs {
  projectRoot: string;
  /** `tsc` output with declarations. */
  buildDir: string;
}

/** Files at the package's root copied from the repository root (besides the definition's README). */
export const ROOT_FILES = ['LICENSE', 'CHANGELOG.md'] as const;

/** A compiled module without its `//# sourceMappingURL=` line (the maps point at sources the package does not hold). */
function withoutSourceMap(text: string): string {
  return text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

function launcher(definition: NpmPackageDefinition, module: string, name: string): string {
  return `#!/usr/bin/env node\n// The \`${name}\` command of ${definition.name}.\nimport '../${module}.js';\n`;
}

async function put(dir: string, path: string, text: string, mode = 0o644): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), text, { mode });
}

/** Writes the package into `dir` (empty or missing); resolves with its package.json. */
export async function stagePackage(definition: NpmPackageDefinition, repo: RepoPackage, inputs: StageInputs, dir: string): Promise<Record<string, unknown>> {
  const modules: StagedModule[] = [];
  const paths = new Set<string>();
  for (const tree of definition.trees) {
    for (const file of await selectTreeFiles(tree, { build: inputs.buildDir, repo: inputs.projectRoot })) {
      paths.add(file.target);
      if (tree.root === 'build') {
        const text = withoutSourceMap(await readFile(file.source, 'utf8'));
        modules.push({ path: file.target, text });
        await put(dir, file.target, text);
      } else {
        await mkdir(dirname(join(dir, file.target)), { recursive: true });
        await copyFile(file.source, join(dir, file.target));
      }
    }
  }
  for (const bin of definition.bins) {
    const text = launcher(definition, bin.module, bin.name);
    paths.add(binPath(bin.name));
    modules.push({ path: binPath(bin.name), text });
    await put(dir, binPath(bin.name), text, 0o755);
  }
  for (const e of definition.exports) {
    for (const path of [`${e.module}.js`, `${e.module}.d.ts`]) {
      if (!paths.has(path)) throw new Error(`cannot build ${definition.name}: export ${e.subpath} needs ${path}, which the build has not`);
    }
  }
  const dependencies = collectDependencies(definition, modules, paths);
  for (const name of ROOT_FILES) await copyFile(join(inputs.projectRoot, name), join(dir, name));
  await copyFile(join(inputs.projectRoot, definition.readme), join(dir, 'README.md'));
  const json = composePackageJson(definition, repo, dependencies);
  await put(dir, 'package.json', `${JSON.stringify(json, null, 2)}\n`);
  return json;
}
