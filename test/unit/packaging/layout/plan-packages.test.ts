import t, { type Test } from 'tap';
import { join } from 'node:path';
import { collectGeneratedInputs } from '../../../../packaging/layout/generator-output.js';
import { resolvePackageLayout } from '../../../../packaging/layout/package-layout.js';
import { planPackages, type PlanInputs } from '../../../../packaging/layout/plan-packages.js';
import type { FileEntry, PackageSpec } from '../../../../packaging/package-spec.js';
import { cinderManifestPath, loadCinderPackagingManifest } from '../../../helpers/packaging/cinder-packages.js';
import { projectRoot } from '../../../helpers/packaging/compiled-build.js';

const manifest = await loadCinderPackagingManifest();
const manifestFile = join(projectRoot, cinderManifestPath);

function fakeBuild(t: Test): string {
  const js = { 'index.js': 'export {};\n', 'index.d.ts': 'export {};\n', 'index.js.map': '{}' };
  return t.testdir({
    runtime: { ...js, cli: { 'run-service.js': 'export {};\n' } },
    examples: {
      cinder: {
        shared: { 'options.js': 'export {};\n' },
        'cinder-volume': { 'main.js': 'export {};\n' },
        'cinder-scheduler': { 'main.js': 'export {};\n' },
        'cinder-api': { 'main.js': 'export {};\n' },
      },
    },
  });
}

function inputs(buildDir: string, overrides: Partial<PlanInputs> = {}): PlanInputs {
  const used = overrides.manifest ?? manifest;
  const layout = resolvePackageLayout(used, manifestFile, buildDir);
  return {
    manifest: used,
    layout,
    generated: collectGeneratedInputs(used, layout, { systemdVersion: 252 }),
    lintianOverrides: new Map(),
    ...overrides,
  };
}

const paths = (spec: PackageSpec | undefined): string[] => (spec?.entries ?? []).map((e) => `${e.kind === 'directory' ? 'd' : 'f'} ${e.path}`);

t.test('deb: cinder-common holds runtime, shared code, config and directories; each service its own files', async (t) => {
  const specs = await planPackages('deb', inputs(fakeBuild(t)));
  t.same(specs.map((s) => s.name), [
    'reloadkit-example-cinder-common',
    'reloadkit-example-cinder-volume',
    'reloadkit-example-cinder-scheduler',
    'reloadkit-example-cinder-api',
  ]);
  const [common, volume] = specs;
  t.same(paths(common), [
    'f /usr/share/cinder/package.json',
    'f /usr/share/cinder/runtime/cli/run-service.js',
    'f /usr/share/cinder/runtime/index.js',
    'f /usr/share/cinder/examples/cinder/shared/options.js',
    'f /etc/cinder/cinder.conf',
    'd /var/lib/cinder',
    'd /var/log/cinder',
    'f /etc/logrotate.d/reloadkit-example-cinder-common',
    'f /usr/lib/sysusers.d/reloadkit-example-cinder-common.conf',
  ], 'only .js files of the build, no .d.ts or maps');
  t.same(paths(volume), [
    'f /usr/bin/cinder-volume',
    'f /usr/share/man/man1/cinder-volume.1.gz',
    'f /usr/share/cinder/examples/cinder/cinder-volume/main.js',
    'f /lib/systemd/system/cinder-volume.service',
    'f /etc/init.d/cinder-volume',
  ]);
  const launcher = volume?.entries[0] as FileEntry;
  t.equal(launcher.content, '#!/bin/sh\nexec /usr/bin/node /usr/share/cinder/examples/cinder/cinder-volume/main.js "$@"\n');
  t.equal(launcher.mode, 0o755);
  t.same(volume?.depends.map((d) => `${d.name} ${d.constraint?.operator ?? ''} ${d.constraint?.version ?? ''}`.trim()), [
    'nodejs >= 18',
    'reloadkit-example-cinder-common = 1.0.0-1',
  ]);
  t.same(volume?.conflicts, [{ name: 'cinder-volume' }], 'conflicts with the Debian package installing the same paths');
  t.same(volume?.replaces, [{ name: 'cinder-volume' }]);
  t.same([common?.conflicts, common?.replaces], [[{ name: 'cinder-common' }], [{ name: 'cinder-common' }]]);
  t.same(volume?.preDepends, [{ name: 'init-system-helpers', constraint: { operator: '>=', version: '1.54~' } }]);
  t.ok(volume?.debScripts.postinst?.startsWith('#!/bin/sh'), 'the maintainer scripts come from the generator');
  t.same(common?.depends.map((d) => d.name), ['nodejs', 'adduser']);
  t.equal(common?.version, '1.0.0');
  t.equal(common?.release, '1');
  t.same(common?.changelog[0], { ...manifest.package.changelog[0], author: manifest.package.maintainer });
});

t.test('rpm: units under /usr/lib, no SysV script, scriptlets rendered with a code digest', async (t) => {
  const specs = await planPackages('rpm', inputs(fakeBuild(t)));
  const volume = specs[1];
  t.same(paths(volume).filter((p) => p.includes('systemd') || p.includes('init.d')), ['f /usr/lib/systemd/system/cinder-volume.service']);
  t.match(volume?.rpmScripts.posttrans, /_rk_digest='[0-9a-f]{64}'/);
  t.same(volume?.rpmScriptRequires, { post: ['systemd'], preun: ['systemd'], postun: ['systemd'] });
  t.same(specs[0]?.rpmScriptRequires, { pre: ['shadow-utils'] });
  t.same(specs.map((spec) => spec.conflicts), specs.map(() => [{ name: 'openstack-cinder' }]), 'rpm: RDO\'s openstack-cinder');
  t.same(specs.map((spec) => spec.replaces), specs.map(() => []), 'RPM has no Replaces');
});

t.test('a service whose exec is not the packaged launcher is refused', async (t) => {
  const services = manifest.services.map((s, i) => (i === 0 ? { ...s, exec: '/opt/cinder/bin/volume' } : s));
  await t.rejects(planPackages('deb', inputs(fakeBuild(t), { manifest: { ...manifest, services } })), {
    message: 'services.cinder-volume.exec: expected "/usr/bin/cinder-volume" (the packaged launcher), got "/opt/cinder/bin/volume"',
  });
});

t.test('a main module outside the code its package ships is refused, naming the package and the field', async (t) => {
  const packages = (manifest.packages ?? []).map((pkg, i) =>
    i === 3 ? { ...pkg, services: [{ name: 'cinder-api', main: 'examples/cinder/cinder-api/missing.js' }] } : pkg,
  );
  await t.rejects(planPackages('deb', inputs(fakeBuild(t), { manifest: { ...manifest, packages } })), {
    message:
      'reloadkit-example-cinder-api: services.cinder-api.main: expected a module in the package\'s code (examples/cinder/cinder-api), got "examples/cinder/cinder-api/missing.js"',
  });
});

t.test('one package may ship everything: common files, every service, no dependency on another package', async (t) => {
  const all = manifest.packages ?? [];
  const single = {
    ...manifest,
    packages: [{ ...all[0]!, name: 'cinder-all', code: all.flatMap((p) => p.code), services: all.flatMap((p) => p.services) }],
  };
  const specs = await planPackages('deb', inputs(fakeBuild(t), { manifest: single }));
  t.same(specs.map((s) => s.name), ['cinder-all']);
  const one = paths(specs[0]);
  for (const expected of ['f /usr/bin/cinder-api', 'f /lib/systemd/system/cinder-volume.service', 'f /etc/cinder/cinder.conf', 'd /var/lib/cinder', 'f /usr/lib/sysusers.d/cinder-all.conf']) {
    t.ok(one.includes(expected), expected);
  }
  t.equal(specs[0]?.depends[0]?.name, 'nodejs');
  t.notOk(specs[0]?.depends.some((d) => d.name.startsWith('reloadkit-example')), 'no dependency on a common package');
  t.same(Object.keys(specs[0]?.debScripts ?? {}).sort(), ['postinst', 'postrm', 'preinst', 'prerm']);
});

t.test('a missing build says to build first', async (t) => {
  const empty = join(t.testdir({ runtime: {} }));
  await t.rejects(planPackages('deb', inputs(empty)), {
    message: `reloadkit-example-cinder-common: code: no compiled .js files in ${empty}/runtime (run \`npm run build\` first)`,
  });
});

t.test('licence, copyright, section and long descriptions come from the manifest', async (t) => {
  const specs = await planPackages('deb', inputs(fakeBuild(t)));
  const [common, volume] = specs;
  t.same(specs.map((s) => [s.license, s.copyright, s.section]), specs.map(() => ['Apache-2.0', '2026 The reloadkit authors', 'net']));
  t.equal(common?.description,
    'The cinder example services show how a long-running Node.js service is reloaded in place: after /etc/cinder/cinder.conf ' +
    'is edited, "service cinder-volume reload" applies the new configuration without a restart, drains in-flight work instead ' +
    'of losing it, and refuses a bad configuration while the service keeps running on the old one.\n\n' +
    'This package contains the reloadkit runtime and the modules shared by the services, the configuration file ' +
    '/etc/cinder/cinder.conf, the cinder system account, the state and log directories, and the rotation of the services\' logs.',
    'the package\'s long description, then what the common package holds');
  t.equal(volume?.description,
    'The volume service manages the storage backends listed in enabled_backends. A reload re-initialises only the backends whose settings changed; the others keep serving.\n\n' +
    'This package contains the service, its systemd unit and its SysV init script.');

  const other = { ...manifest, package: { ...manifest.package, license: 'MIT', copyright: '2027 Someone Else', section: 'admin', long_description: 'Other.' } };
  const services = other.services.map((s) => ({ ...s, long_description: undefined }));
  const changed = await planPackages('rpm', inputs(fakeBuild(t), { manifest: { ...other, services } }));
  t.same(changed.map((s) => [s.license, s.copyright, s.section]), changed.map(() => ['MIT', '2027 Someone Else', 'admin']));
  t.equal(changed[1]?.description, 'Other.\n\nThis package contains the service and its systemd unit.', 'a service without its own takes the package\'s; an RPM names no SysV script');

  const unlicensed = { ...manifest, package: { ...manifest.package, license: undefined } };
  await t.rejects(planPackages('deb', inputs(fakeBuild(t), { manifest: unlicensed })), {
    message: 'package.license: expected a value in the manifest (an SPDX identifier for the copyright file and the RPM License tag), got nothing',
  });
});
