import t from 'tap';
import { splitParagraphs, wrapWords } from '../../../packaging/text-wrap.js';

t.test('wrapWords breaks at spaces and keeps each line within the width', async (t) => {
  t.same(wrapWords('aaa bbb ccc ddd', 7), ['aaa bbb', 'ccc ddd']);
  t.same(wrapWords('  spaced   out  ', 80), ['spaced out']);
  t.same(wrapWords('averyveryverylongword x', 5), ['averyveryverylongword', 'x'], 'a word longer than the width stays whole');
  t.same(wrapWords('', 10), []);
});

t.test('splitParagraphs splits at blank lines and joins the lines of a paragraph', async (t) => {
  t.same(splitParagraphs('one\ntwo\n\n  \nthree'), ['one two', 'three']);
});
