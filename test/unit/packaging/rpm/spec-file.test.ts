import t from 'tap';
import { formatRpmDependency, renderRpmChangelog, renderRpmFiles, renderRpmSpec } from '../../../../packaging/rpm/spec-file.js';
import { fixtureSpec } from '../../../helpers/packaging/spec-fixture.js';

t.test('%files gives every entry its mode and owner, marks /etc as config and owns non-system parents', async (t) => {
  t.same(renderRpmFiles(fixtureSpec()), [
    '%dir %attr(0755,root,root) /etc/demo',
    '%config(noreplace) %attr(0640,root,demo) /etc/demo/demo.conf',
    '%attr(0755,root,root) /usr/bin/demo-tool',
    '%dir %attr(0755,root,root) /usr/share/demo',
    '%attr(0644,root,root) /usr/share/demo/main.js',
    '%dir %attr(0750,demo,demo) /var/lib/demo',
  ]);
});

t.test('a path RPM cannot list safely is refused', async (t) => {
  const spec = fixtureSpec({ entries: [{ kind: 'file', path: '/usr/share/demo/a b.js', mode: 0o644, content: '' }] });
  t.throws(() => renderRpmFiles(spec), {
    message: 'demo-tool: entry path: expected an absolute path of letters, digits and ._+@-/ (RPM %files), got "/usr/share/demo/a b.js"',
  });
});

t.test('dependencies use RPM operators and names', async (t) => {
  t.equal(formatRpmDependency({ name: 'nodejs', constraint: { operator: '>=', version: '18' } }), 'nodejs >= 18');
  t.equal(formatRpmDependency({ name: 'x', constraint: { operator: '>>', version: '2' } }), 'x > 2');
  t.equal(formatRpmDependency({ name: 'adduser', rpmName: 'shadow-utils' }), 'shadow-utils');
});

t.test('the changelog is newest first with version-release', async (t) => {
  t.equal(
    renderRpmChangelog(fixtureSpec()),
    '* Fri Nov 27 2026 Demo Maintainer <demo@example.org> - 1.2.0-3\n- Second release.\n\n' +
      '* Mon Jan 05 2026 Demo Maintainer <demo@example.org> - 1.1.0-3\n- First release.',
  );
});

t.test('the spec escapes % in text from the manifest and includes scriptlets and their requirements', async (t) => {
  const spec = renderRpmSpec(
    fixtureSpec({
      summary: 'Uses 100% of nothing',
      rpmScripts: { post: 'echo "${x%.conf}"\n' },
      rpmScriptRequires: { pre: ['shadow-utils'], post: ['systemd'] },
    }),
  );
  t.match(spec, 'Summary: Uses 100%% of nothing\n');
  t.match(spec, '\n%post\necho "${x%%.conf}"\n');
  t.match(spec, 'Requires(pre): shadow-utils\nRequires(post): systemd\n');
  t.match(spec, 'Requires: nodejs >= 18\nRequires: demo-common = 1.2.0-3\n');
  t.match(spec, 'BuildArch: noarch\n');
});
