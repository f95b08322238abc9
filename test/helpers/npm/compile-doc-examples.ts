// Compiles the code examples of Markdown pages against the installed npm packages, as a user's project would.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { runTool } from '../../../packaging/run-tool.js';
import { ensureCached } from '../packaging/cache-lock.js';
import { projectRoot } from '../packaging/compiled-build.js';
import { extractDocBlocks, isCompiledExample } from './doc-blocks.js';

/** A page to check: its name (for messages) and text. */
export interface DocPage {
  page: string;
  markdown: string;
}

/** What tsc said, each problem as `page:line: error TS…: message`. */
export interface DocCompileResult {
  compiled: number;
  problems: string[];
}

/**
 * A folder under the repository's cache whose node_modules holds the tarballs as installed (`tar -x` of each
 * into node_modules/<name>); what they import resolves further up, from the repository's node_modules.
 */
export async function installTarballsForTypes(tarballs: readonly { name: string; tarball: string }[]): Promise<string> {
  const key = basename(dirname(dirname(tarballs[0]?.tarball ?? 'none/none/none')));
  return ensureCached(join(projectRoot, '.cache', 'npm', `docs-${key}`), async (tmp) => {
    for (const { name, tarball } of tarballs) {
      const dest = join(tmp, 'node_modules', name);
      await mkdir(dest, { recursive: true });
      await runTool('tar', ['-xzf', tarball, '--strip-components=1', '-C', dest]);
    }
  });
}

const compilerOptions = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2022'],
  types: ['node'],
  strict: true,
  noEmit: true,
  allowJs: true,
  checkJs: true,
  skipLibCheck: true,
};

/** Writes every compiled example of the pages into a project under `installed` and runs tsc on it. */
export async function compileDocExamples(pages: readonly DocPage[], installed: string): Promise<DocCompileResult> {
  const work = await mkdtemp(join(installed, 'check-'));
  try {
    const origin = new Map<string, { page: string; line: number }>();
    for (const [index, { page, markdown }] of pages.entries()) {
      const dir = join(work, `${index}-${basename(page, '.md')}`);
      await mkdir(dir, { recursive: true });
      for (const block of extractDocBlocks(markdown).filter(isCompiledExample)) {
        const ext = block.lang.startsWith('t') ? 'ts' : 'mjs';
        const file = join(dir, block.file ?? `example-line-${block.line}.${ext}`);
        origin.set(relative(work, file), { page, line: block.line });
        await writeFile(file, block.text);
      }
    }
    await writeFile(join(work, 'package.json'), '{ "type": "module" }\n');
    await writeFile(join(work, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['**/*.ts', '**/*.mjs'] }));
    const tsc = join(projectRoot, 'node_modules', '.bin', 'tsc');
    const result = await runTool(tsc, ['-p', join(work, 'tsconfig.json'), '--pretty', 'false'], { cwd: work, okExitCodes: [0, 1, 2] });
    const problems = result.stdout
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const m = /^(.+?)\((\d+),\d+\): (.*)$/.exec(l);
        const from = m === null ? undefined : origin.get(m[1] ?? '');
        return from === undefined || m === null ? l : `${from.page}:${from.line + Number(m[2]) - 1}: ${m[3]}`;
      });
    if (result.exitCode !== 0 && problems.length === 0) problems.push(`tsc exited with ${result.exitCode}: ${result.stderr}`);
    return { compiled: origin.size, problems };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
