// Every code example of README.md and docs/runtime-api.md imports from the published packages and compiles
// against their types (the tarballs installed); an example that does not compile fails here.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import t from 'tap';
import { listImportSpecifiers, packageOfSpecifier } from '../../../packaging/npm/module-imports.js';
import { npmPackages } from '../../../packaging/npm/package-definitions.js';
import { compileDocExamples, installTarballsForTypes, type DocPage } from '../../helpers/npm/compile-doc-examples.js';
import { extractDocBlocks, isCompiledExample } from '../../helpers/npm/doc-blocks.js';
import { buildNpmTarballs, projectRoot } from '../../helpers/npm/npm-tarballs.js';

t.setTimeout(300_000);

const PAGES = ['README.md', 'docs/runtime-api.md'];
const published = npmPackages.map((p) => p.name);

async function readPages(): Promise<DocPage[]> {
  return Promise.all(PAGES.map(async (page) => ({ page, markdown: await readFile(join(projectRoot, page), 'utf8') })));
}

async function installed(): Promise<string> {
  const { runtime, cli } = await buildNpmTarballs();
  return installTarballsForTypes([runtime, cli]);
}

t.test('the examples import only Node.js and the published packages; reference listings import nothing', async (t) => {
  for (const { page, markdown } of await readPages()) {
    const blocks = extractDocBlocks(markdown);
    const examples = blocks.filter(isCompiledExample);
    t.ok(examples.length > 0, `${page} has examples`);
    for (const block of examples) {
      for (const specifier of listImportSpecifiers(block.text)) {
        const name = packageOfSpecifier(specifier);
        if (name === undefined && !specifier.startsWith('.')) continue; // node:…
        t.ok(name === undefined || published.includes(name), `${page}:${block.line}: imports ${specifier} (expected ${published.join(' or ')})`);
      }
    }
    for (const block of blocks.filter((b) => b.reference)) {
      t.same(listImportSpecifiers(block.text), [], `${page}:${block.line}: a reference listing imports nothing`);
    }
  }
});

t.test('every example compiles against the packages as installed', async (t) => {
  const pages = await readPages();
  const expected = pages.reduce((n, p) => n + extractDocBlocks(p.markdown).filter(isCompiledExample).length, 0);
  const result = await compileDocExamples(pages, await installed());
  t.equal(result.compiled, expected, 'every example was written out');
  t.same(result.problems, []);
});

t.test('an example that does not compile is reported at its page and line', async (t) => {
  const markdown = [
    '# A page',
    '',
    '```ts',
    "import { defineService } from '@reloadkit/runtime';",
    "defineService({ nam: 'typo' });",
    '```',
    '',
  ].join('\n');
  const result = await compileDocExamples([{ page: 'broken.md', markdown }], await installed());
  t.equal(result.compiled, 1);
  t.match(result.problems, [/^broken\.md:5: error TS2561: Object literal may only specify known properties, but 'nam' does not exist/]);
});
