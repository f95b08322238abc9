// The markers around every maintainer-script snippet, the same for deb and rpm.
import t from 'tap';
import { SNIPPET_END, SNIPPET_START, wrapInSnippetMarkers } from '../../../../generators/package-plan/snippet-markers.js';

t.test('a body between the debhelper-style markers', async (t) => {
  t.equal(wrapInSnippetMarkers('echo hi'), '# Automatically added by reloadkit\necho hi\n# End automatically added section\n');
  t.equal(SNIPPET_START, '# Automatically added by reloadkit');
  t.equal(SNIPPET_END, '# End automatically added section');
});
