// Installs, upgrades, removes and purges the cinder .debs with dpkg in a throw-away Debian 12 root file system.
// A policy-rc.d forbids starting anything and logs what invoke-rc.d was asked, so the test sees whether the
// maintainer scripts chose reload or restart: conffile-only upgrade → reload; code upgrade → per manifest.
import t, { type Test } from 'tap';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDebianRoot,
  invokeLogPath,
  invokeRcDStub,
  listRootPaths,
  policyLogPath,
} from '../../helpers/packaging/debian-root.js';
import { cinderPackageNames } from '../../helpers/packaging/cinder-packages.js';
import { buildUpgradeVersions, cinderServicePackages, cinderServices as services } from '../../helpers/packaging/upgrade-builds.js';

t.setTimeout(900_000);

const work = await mkdtemp(join(tmpdir(), 'packaging-install-'));
t.teardown(() => rm(work, { recursive: true, force: true }));
const { manifest, v1, v2ConffileOnly: v2, v3CodeOnly: v3 } = await buildUpgradeVersions(work);

const root = await createDebianRoot((message) => t.comment(message));
t.teardown(() => root.remove());
await root.run(invokeRcDStub);
const pathsBefore = await listRootPaths(root.dir);

async function install(packages: string[]): Promise<void> {
  const inRoot = await Promise.all(packages.map((p) => root.copyIn(p)));
  await root.run(`dpkg -i ${inRoot.join(' ')}`);
}

/**
 * What the maintainer scripts asked invoke-rc.d for, as `<service> <action>`; also checks that policy-rc.d
 * was consulted for, and refused, every action except `status` (which the stub answers itself).
 */
async function askedActions(t: Test): Promise<string[]> {
  const asked = (await root.takeLog(invokeLogPath)).map((line) => line.replace('--skip-systemd-native ', ''));
  const refused = (await root.takeLog(policyLogPath)).map((line) => line.replace(/[()]/g, ''));
  t.same(refused, asked.filter((line) => !line.endsWith(' status')), 'policy-rc.d refused every action but status');
  return asked;
}

t.test('install: account, directories, enabled services, started through invoke-rc.d', async (t) => {
  await install(v1);
  t.same(await askedActions(t), services.map((s) => `${s} start`));
  t.match((await root.run('getent passwd cinder')).stdout, /^cinder:x:\d+:\d+:[^:]*:\/var\/lib\/cinder:\/usr\/sbin\/nologin$/m);
  t.equal((await root.run('stat -c "%U:%G %a %n" /var/lib/cinder /var/log/cinder')).stdout, 'cinder:cinder 750 /var/lib/cinder\ncinder:cinder 750 /var/log/cinder\n');
  for (const service of services) {
    t.equal((await root.run(`readlink /etc/systemd/system/multi-user.target.wants/${service}.service`)).stdout, `/lib/systemd/system/${service}.service\n`);
    t.equal((await root.run(`ls /etc/rc2.d/S*${service}`)).exitCode, 0, `${service} registered with update-rc.d`);
  }
});

t.test('the packaged services run on Debian 12\'s Node.js', async (t) => {
  t.match((await root.run('node --version')).stdout, /^v18\./);
  for (const service of services) {
    const result = await root.run(`${service} check-config --config-file /etc/cinder/cinder.conf`);
    t.match(result.stdout, `${service}: configuration is valid (/etc/cinder/cinder.conf)`);
  }
});

/** cinder.conf is handed to group cinder (the manifest's config_files), so the services running as cinder read it. */
async function checkConfigReadableByCinder(t: Test): Promise<void> {
  t.equal((await root.run('stat -c "%U:%G %a" /etc/cinder/cinder.conf')).stdout, 'root:cinder 640\n');
  const asCinder = await root.run('runuser -u cinder -- cinder-volume check-config --config-file /etc/cinder/cinder.conf', [0, 1, 2]);
  t.match(asCinder.stdout, 'cinder-volume: configuration is valid (/etc/cinder/cinder.conf)', asCinder.stderr);
}

t.test('the cinder account can read cinder.conf', checkConfigReadableByCinder);

t.test('upgrade that changes only a conffile reloads every service (on_conffile_change: reload)', async (t) => {
  await install(v2);
  t.same(await askedActions(t), services.flatMap((s) => [`${s} status`, `${s} reload`]));
  t.match(await readFile(join(root.dir, 'etc/cinder/cinder.conf'), 'utf8'), '# changed in 1.0.1');
  // dpkg unpacked the new conffile root-owned: the postinst must have handed it over again.
  await checkConfigReadableByCinder(t);
});

t.test('upgrade that changes code does what on_upgrade says per service', async (t) => {
  await install(v3);
  const expected = manifest.services.map((s) => `${s.name} ${s.on_upgrade === 'none' ? 'start' : s.on_upgrade}`);
  t.same(expected, ['cinder-volume restart', 'cinder-scheduler reload', 'cinder-api restart'], 'the manifest asks for both kinds');
  // A reload is preceded by a status check (reload only a running service); a restart is not.
  t.same(await askedActions(t), expected.flatMap((a) => (a.endsWith(' reload') ? [a.replace('reload', 'status'), a] : [a])));
});

t.test('remove stops the services and keeps conffiles, state and logs', async (t) => {
  // What the services would have written while running.
  await root.run('echo state > /var/lib/cinder/volumes.json && echo log > /var/log/cinder/cinder-volume.log');
  await root.run(`dpkg -r ${[...cinderServicePackages].reverse().join(' ')} ${cinderPackageNames.common}`);
  t.same(await askedActions(t), [...services].reverse().map((s) => `${s} stop`));
  const kept = ['/etc/cinder/cinder.conf', '/var/lib/cinder/volumes.json', '/var/log/cinder/cinder-volume.log'];
  t.equal((await root.run(`ls ${kept.join(' ')}`)).stdout, `${kept.join('\n')}\n`);
  t.equal((await root.run('ls /usr/bin/cinder-volume /usr/share/cinder', [0, 2])).exitCode, 2, 'the code is gone');
});

t.test('purge leaves nothing behind except what Debian policy allows', async (t) => {
  await root.run(`dpkg -P ${[...cinderServicePackages].reverse().join(' ')} ${cinderPackageNames.common}`);
  const pathsAfter = await listRootPaths(root.dir);
  const added = pathsAfter.filter((p) => !pathsBefore.includes(p));
  const removed = pathsBefore.filter((p) => !pathsAfter.includes(p));
  // The system account stays (adduser's and Debian's advice: files may still belong to it), which leaves
  // shadow's backup copies; dpkg keeps its log.
  t.same(added, ['/etc/gshadow-', '/etc/shadow-', '/var/log/dpkg.log']);
  t.same(removed, []);
  t.match((await root.run('getent passwd cinder')).stdout, /^cinder:/, 'the system account stays');
});
