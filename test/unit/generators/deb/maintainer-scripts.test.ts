// Every generated maintainer script: shellcheck-clean, parses with sh -n, debhelper's shape and order
// (the golden copies are checked by test/golden/golden.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { parseManifest } from '../../../../generators/manifest/index.js';
import { debTarget, SNIPPET_END, SNIPPET_START } from '../../../../generators/deb/index.js';
import { runShellcheck, runShellSyntaxCheck } from '../../../helpers/shell-checks.js';

const root = join(import.meta.dirname, '../../../..');
const manifests: Record<string, string> = {
  cinder: 'examples/cinder/reloadkit.yaml',
  minimal: 'test/golden/manifests/minimal.yaml',
  hostile: 'test/golden/manifests/hostile.yaml',
};

for (const [name, path] of Object.entries(manifests)) {
  const manifest = parseManifest(readFileSync(join(root, path), 'utf8'), path);
  const files = debTarget.generate(manifest, { systemdVersion: 252 });

  t.test(`${name}: every maintainer script passes shellcheck and sh -n`, async (t) => {
    const scripts = files.filter((f) => f.path.startsWith('DEBIAN/'));
    t.strictSame(scripts.map((f) => f.path).sort(), ['DEBIAN/postinst', 'DEBIAN/postrm', 'DEBIAN/preinst', 'DEBIAN/prerm']);
    for (const script of scripts) {
      t.equal(script.mode, 0o755, `${script.path} is executable`);
      const shellcheck = await runShellcheck(script.content);
      t.equal(shellcheck.status, 0, `${script.path}: shellcheck\n${shellcheck.output}`);
      const syntax = await runShellSyntaxCheck(script.content);
      t.equal(syntax.status, 0, `${script.path}: sh -n\n${syntax.output}`);
    }
  });

  t.test(`${name}: scripts have dh_installdeb's shape and balanced snippet markers`, async (t) => {
    for (const script of files.filter((f) => f.path.startsWith('DEBIAN/'))) {
      const lines = script.content.split('\n');
      t.equal(lines[0], '#!/bin/sh', `${script.path} starts with #!/bin/sh`);
      t.ok(lines.includes('set -e'), `${script.path} sets -e`);
      t.match(script.content, /\nexit 0\n$/, `${script.path} ends with exit 0`);
      const starts = lines.filter((l) => l === SNIPPET_START).length;
      t.equal(lines.filter((l) => l === SNIPPET_END).length, starts, `${script.path}: markers balanced`);
      t.ok(starts > 0, `${script.path} has snippets`);
    }
  });
}

t.test('postinst order: SysV registration, then systemd enable, then daemon-reload, then start', async (t) => {
  const manifest = parseManifest(readFileSync(join(root, manifests.cinder ?? ''), 'utf8'), 'cinder');
  const postinst = debTarget.generate(manifest, { systemdVersion: 252 }).find((f) => f.path === 'DEBIAN/postinst')?.content ?? '';
  const at = (text: string) => postinst.indexOf(text);
  t.ok(at('systemd-sysusers') < at('chown cinder:cinder'), 'accounts before directories');
  t.ok(at('chown cinder:cinder') < at('update-rc.d cinder-volume defaults'), 'directories before services');
  t.ok(at('update-rc.d cinder-api defaults') < at('deb-systemd-helper enable cinder-volume.service'), 'init before enable');
  t.ok(at('deb-systemd-helper enable cinder-api.service') < at('daemon-reload'), 'enable before daemon-reload');
  t.ok(at('daemon-reload') < at('is-active cinder-volume.service'), 'daemon-reload before start');
});

t.test('a user named by two services with different groups is refused, naming both', async (t) => {
  const manifest = parseManifest(readFileSync(join(root, manifests.cinder ?? ''), 'utf8'), 'cinder');
  const services = manifest.services.map((s, i) => (i === 1 ? { ...s, group: 'other' } : s));
  t.throws(() => debTarget.generate({ ...manifest, services }, { systemdVersion: 252 }), {
    message:
      'service cinder-scheduler: group: expected "cinder" (the primary group service cinder-volume gives user "cinder"), got "other"',
  });
});
