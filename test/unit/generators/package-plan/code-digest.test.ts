// The code digest: order-independent, blind to docs and manuals, changed by any code byte.
import t from 'tap';
import { computeCodeDigest } from '../../../../generators/package-plan/code-digest.js';

const code = [
  { path: '/usr/lib/pkg/a.js', content: 'a' },
  { path: '/usr/lib/pkg/b.js', content: 'b' },
];

t.test('same files in any order give the same digest; docs and manuals do not count', async (t) => {
  const digest = computeCodeDigest(code);
  t.match(digest, /^[0-9a-f]{64}$/);
  t.equal(computeCodeDigest([...code].reverse()), digest);
  t.equal(
    computeCodeDigest([
      ...code,
      { path: '/usr/share/doc/pkg/changelog.Debian.gz', content: 'new' },
      { path: '/usr/share/man/man1/a.1.gz', content: 'new' },
    ]),
    digest,
  );
});

t.test('a changed byte or a renamed file changes the digest', async (t) => {
  const digest = computeCodeDigest(code);
  t.not(computeCodeDigest([code[0]!, { path: '/usr/lib/pkg/b.js', content: 'B' }]), digest);
  t.not(computeCodeDigest([code[0]!, { path: '/usr/lib/pkg/c.js', content: 'b' }]), digest);
});
