import t from 'tap';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashSourceTree } from '../../helpers/source-hash.js';

t.test('the hash follows every file named or below a named folder, and nothing else', async (t) => {
  const root = t.testdir({ 'tsconfig.json': '{}', src: { 'a.ts': 'a', deep: { 'b.ts': 'b' } }, other: { 'c.ts': 'c' } });
  const inputs = ['tsconfig.json', 'src'];
  const first = await hashSourceTree(root, inputs);
  t.match(first, /^[0-9a-f]{16}$/);
  t.equal(await hashSourceTree(root, inputs), first, 'same files, same hash');
  writeFileSync(join(root, 'other', 'c.ts'), 'changed');
  t.equal(await hashSourceTree(root, inputs), first, 'a folder not named does not count');
  t.not(await hashSourceTree(root, inputs, 'seed'), first, 'the seed counts');
  writeFileSync(join(root, 'src', 'deep', 'b.ts'), 'b2');
  const second = await hashSourceTree(root, inputs);
  t.not(second, first, 'a changed file below a folder counts');
  mkdirSync(join(root, 'src', 'new'));
  writeFileSync(join(root, 'src', 'new', 'd.ts'), '');
  t.not(await hashSourceTree(root, inputs), second, 'an added empty file counts');
  await t.rejects(hashSourceTree(root, [...inputs, 'absent']), { message: /^cannot hash absent: ENOENT/ }, 'a missing input is named');
});
