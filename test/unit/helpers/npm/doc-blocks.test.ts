// Fenced blocks of a Markdown page: language, attributes, line numbers.
import t from 'tap';
import { extractDocBlocks, findDocFile, isCompiledExample } from '../../../helpers/npm/doc-blocks.js';

const page = ['# Title', '', '```ts file=a.ts', 'const a = 1;', '```', 'text', '```ts reference', 'function f(): void;', '```', '```sh', 'ls', '```', ''].join('\n');

t.test('blocks carry their language, file, reference mark and first line', async (t) => {
  t.same(extractDocBlocks(page), [
    { lang: 'ts', file: 'a.ts', reference: false, text: 'const a = 1;\n', line: 4 },
    { lang: 'ts', reference: true, text: 'function f(): void;\n', line: 8 },
    { lang: 'sh', reference: false, text: 'ls\n', line: 11 },
  ]);
  t.same(extractDocBlocks(page).map(isCompiledExample), [true, false, false]);
  t.equal(findDocFile(extractDocBlocks(page), 'a.ts', 'p.md').text, 'const a = 1;\n');
});

t.test('an unclosed fence and a missing file are errors naming where', async (t) => {
  t.throws(() => extractDocBlocks('x\n```js\nlet a;\n'), { message: 'line 2: the fence ```js is never closed' });
  t.throws(() => findDocFile([], 'b.ts', 'p.md'), { message: 'p.md has no block marked file=b.ts' });
});
