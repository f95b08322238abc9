// The same install → conffile-only upgrade → code upgrade → remove as install-upgrade-purge.test.ts, on a root
// that looks booted with systemd: the maintainer scripts must act through deb-systemd-invoke, which asks
// policy-rc.d (refuses and logs) before it would call systemctl. (invoke-rc.d --skip-systemd-native asks
// policy-rc.d too, before it finds the native unit and does nothing: those requests name no .service.)
import t from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDebianRoot, policyLogPath, systemctlLogPath, systemdLookalike } from '../../helpers/packaging/debian-root.js';
import { cinderPackageNames } from '../../helpers/packaging/cinder-packages.js';
import { buildUpgradeVersions, cinderServicePackages, cinderServices as services } from '../../helpers/packaging/upgrade-builds.js';

t.setTimeout(900_000);

const work = await mkdtemp(join(tmpdir(), 'packaging-systemd-'));
t.teardown(() => rm(work, { recursive: true, force: true }));
const { manifest, v1, v2ConffileOnly: v2, v3CodeOnly: v3 } = await buildUpgradeVersions(work);

const root = await createDebianRoot((message) => t.comment(message));
t.teardown(() => root.remove());
await root.run(systemdLookalike);

async function install(packages: string[]): Promise<void> {
  const inRoot = await Promise.all(packages.map((p) => root.copyIn(p)));
  await root.run(`dpkg -i ${inRoot.join(' ')}`);
}

/** What deb-systemd-invoke asked policy-rc.d for, as `<unit> <action>`. */
async function askedActions(): Promise<string[]> {
  return (await root.takeLog(policyLogPath)).filter((line) => line.includes('.service '));
}

/** Every systemctl call (the stub's log), without --quiet and --system. */
async function systemctlCalls(): Promise<string[]> {
  return (await root.takeLog(systemctlLogPath)).map((line) => line.replace(/ ?--(quiet|system)\b/g, '').trim());
}

t.test('install: units enabled by preset (deb-systemd-helper on systemd), started through deb-systemd-invoke', async (t) => {
  await install(v1);
  t.same(await askedActions(), services.map((s) => `${s}.service start`));
  const calls = await systemctlCalls();
  for (const service of services) {
    t.ok(calls.includes(`--root=/ --preset-mode=enable-only preset ${service}.service`), `${service}: enabled as presets say`);
  }
  t.ok(calls.includes('daemon-reload'), 'systemd re-reads the new units');
});

t.test('conffile-only upgrade: deb-systemd-invoke reload for every active service', async (t) => {
  await install(v2);
  t.same(await askedActions(), services.map((s) => `${s}.service reload`));
  const calls = await systemctlCalls();
  for (const service of services) t.ok(calls.includes(`is-active ${service}.service`), `${service}: asked whether it runs first`);
});

t.test('code upgrade: what on_upgrade says per service', async (t) => {
  await install(v3);
  const expected = manifest.services.map((s) => `${s.name}.service ${s.on_upgrade === 'none' ? 'start' : s.on_upgrade}`);
  t.same(expected, ['cinder-volume.service restart', 'cinder-scheduler.service reload', 'cinder-api.service restart']);
  t.same(await askedActions(), expected);
});

t.test('remove: deb-systemd-invoke stop, in reverse order', async (t) => {
  await root.run(`dpkg -r ${[...cinderServicePackages].reverse().join(' ')} ${cinderPackageNames.common}`);
  t.same(await askedActions(), [...services].reverse().map((s) => `${s}.service stop`));
});
