// Shell quoting, checked by letting a real sh parse the quoted words.
import { spawnSync } from 'node:child_process';
import t from 'tap';
import { quoteShellWord, quoteShellWords } from '../../../../generators/render/quote-shell.js';
import { HOSTILE_ARGUMENTS } from '../../../helpers/stub-service.js';

t.test('safe words stay bare, everything else is single-quoted', async (t) => {
  t.equal(quoteShellWord('/etc/cinder/cinder.conf'), '/etc/cinder/cinder.conf');
  t.equal(quoteShellWord('--config-file=/a'), '--config-file=/a');
  t.equal(quoteShellWord(''), "''");
  t.equal(quoteShellWord("it's"), `'it'\\''s'`);
  t.equal(quoteShellWord('$(x)'), "'$(x)'");
});

t.test('sh receives exactly the original words', async (t) => {
  const script = `for a in ${quoteShellWords(HOSTILE_ARGUMENTS)}; do printf '%s\\0' "$a"; done`;
  const result = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
  t.same(result.stdout.slice(0, -1).split('\0'), HOSTILE_ARGUMENTS);
});

t.test('NUL cannot be passed and is refused', async (t) => {
  t.throws(() => quoteShellWord('a\0b'), { message: 'cannot quote "a\\u0000b" for the shell: it contains a NUL character' });
});
