// Reading which package npm's cache lacks from `npm install --offline`'s error.
import t from 'tap';
import { asNewUser, missingFromNpmCache } from '../../../helpers/npm/as-new-user.js';

t.test('the package npm could not find offline is named', async (t) => {
  const output = [
    'npm error code ENOTCACHED',
    "npm error request to https://registry.npmjs.org/execa failed: cache mode is 'only-if-cached' but no cached response is available.",
  ].join('\n');
  t.equal(missingFromNpmCache(output), 'execa');
  t.equal(missingFromNpmCache(output.replace('/execa ', '/@sindresorhus%2fmerge-streams ')), '@sindresorhus/merge-streams');
  t.equal(missingFromNpmCache('npm error code E404'), undefined);
});

t.test('commands run through env -i with PATH, HOME, TMPDIR and LANG only', async (t) => {
  const [command, args] = asNewUser('npm', ['init', '-y']);
  t.equal(command, 'env');
  t.equal(args[0], '-i');
  t.same(args.slice(1, 5).map((a) => a.split('=')[0]), ['PATH', 'HOME', 'TMPDIR', 'LANG']);
  t.same(args.slice(5), ['npm', 'init', '-y']);
});
