// The control relations the scripts need, and lintian's verdict on a package carrying the scripts with the
// generated units and init scripts: no error or warning about them.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import t from 'tap';
import { debRelations, renderDebPackageFiles } from '../../../../generators/deb/index.js';
import { parseManifest } from '../../../../generators/manifest/index.js';
import { planCommonPackage, planPackage, planServicePackage } from '../../../../generators/package-plan/plan.js';
import { findTarget } from '../../../../generators/registry.js';

t.setTimeout(180_000);
const root = join(import.meta.dirname, '../../../..');
const manifest = parseManifest(readFileSync(join(root, 'examples/cinder/reloadkit.yaml'), 'utf8'), 'reloadkit.yaml');

t.test('service packages pre-depend on init-system-helpers; packages that create accounts depend on adduser', async (t) => {
  t.strictSame(debRelations(planServicePackage(manifest.services[0]!)), {
    preDepends: ['init-system-helpers (>= 1.54~)'],
    depends: [],
  });
  t.strictSame(debRelations(planCommonPackage(manifest, 'cinder-common')), { preDepends: [], depends: ['adduser'] });
});

t.test('lintian finds nothing wrong with the scripts, units and init scripts of the cinder package', async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'rk-lintian-'));
  t.teardown(() => rmSync(work, { recursive: true, force: true }));
  const tree = join(work, 'cinder');
  const plan = planPackage(manifest);
  const files = [
    ...findTarget('systemd').generate(manifest, { systemdVersion: 252 }),
    ...findTarget('sysv').generate(manifest, { systemdVersion: 252 }),
    ...renderDebPackageFiles(plan),
  ];
  const md5sums: string[] = [];
  const conffiles: string[] = [];
  for (const file of files) {
    mkdirSync(dirname(join(tree, file.path)), { recursive: true });
    writeFileSync(join(tree, file.path), file.content);
    chmodSync(join(tree, file.path), file.mode);
    if (file.path.startsWith('DEBIAN/')) continue;
    if (file.path.startsWith('etc/')) conffiles.push(`/${file.path}`);
    else md5sums.push(`${createHash('md5').update(file.content).digest('hex')}  ${file.path}`);
  }
  const relations = debRelations(plan);
  writeFileSync(
    join(tree, 'DEBIAN/control'),
    [
      'Package: cinder',
      'Version: 1.0.0-1',
      'Architecture: all',
      'Maintainer: Reloadkit Maintainers <maintainers@example.org>',
      `Pre-Depends: ${relations.preDepends.join(', ')}`,
      `Depends: ${relations.depends.join(', ')}`,
      'Section: net',
      'Priority: optional',
      'Description: services with reloadkit maintainer scripts',
      ' This package checks the generated maintainer scripts, systemd units and',
      ' SysV init scripts with lintian.',
      '',
    ].join('\n'),
  );
  writeFileSync(join(tree, 'DEBIAN/md5sums'), `${md5sums.join('\n')}\n`);
  writeFileSync(join(tree, 'DEBIAN/conffiles'), `${conffiles.join('\n')}\n`);
  const deb = join(work, 'cinder_1.0.0-1_all.deb');
  const build = spawnSync('dpkg-deb', ['--root-owner-group', '--build', tree, deb], { encoding: 'utf8' });
  t.equal(build.status, 0, build.stderr);
  const lint = spawnSync('lintian', ['--tag-display-limit', '0', deb], { encoding: 'utf8' });
  t.equal(lint.error, undefined, 'lintian must be installed (Debian package lintian)');
  // The package around the scripts is minimal on purpose: no copyright file, no changelog. Those are the
  // packaging's; every other error or warning would be about what the generators wrote.
  const packagingOnly = /^[EW]: cinder: (no-copyright-file|no-changelog)\b/;
  const findings = lint.stdout.split('\n').filter((line) => /^[EW]: /.test(line) && !packagingOnly.test(line));
  t.strictSame(findings, [], lint.stdout);
});
