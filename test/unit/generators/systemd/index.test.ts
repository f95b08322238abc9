// systemd units: the reload protocol by version, and `systemd-analyze verify` with no output at all.
import t from 'tap';
import { systemdTarget } from '../../../../generators/systemd/index.js';
import { loadManifestsUnderTest } from '../../../helpers/generator-fixtures.js';
import { verifySystemdUnits } from '../../../helpers/systemd-verify.js';

// The first run builds the trixie root file system (about a minute): give this file more than tap's default.
t.setTimeout(20 * 60_000);

const manifests = loadManifestsUnderTest();

t.test('systemd 252 units use Type=notify and the synchronous reload client', async (t) => {
  const [unit] = systemdTarget.generate(manifests[0]!.manifest, { systemdVersion: 252 });
  t.equal(unit!.path, 'lib/systemd/system/cinder-volume.service');
  t.equal(unit!.mode, 0o644);
  t.match(unit!.content, /^Type=notify$/m);
  t.match(unit!.content, /^ExecReload=\/usr\/bin\/cinder-volume reload --config-file \/etc\/cinder\/cinder\.conf --timeout 110$/m);
  t.notMatch(unit!.content, /\bkill\b/, 'never a bare kill');
  t.notMatch(unit!.content, /ReloadSignal=/);
});

t.test('systemd >= 253 units use Type=notify-reload with the config check as ExecReload', async (t) => {
  const [unit] = systemdTarget.generate(manifests[0]!.manifest, { systemdVersion: 253 });
  t.match(unit!.content, /^Type=notify-reload$/m);
  t.match(unit!.content, /^ReloadSignal=SIGHUP$/m);
  t.match(unit!.content, /^ExecReload=\/usr\/bin\/cinder-volume check-config --config-file \/etc\/cinder\/cinder\.conf$/m);
});

for (const { name, manifest } of manifests) {
  t.test(`${name}: systemd 252 units pass this host's systemd-analyze verify silently`, async (t) => {
    const units = systemdTarget.generate(manifest, { systemdVersion: 252 });
    const result = verifySystemdUnits(units, 'host');
    t.match(result.systemdVersion, /^systemd 25[0-2]\b/, 'verified by systemd 252 (Debian 12)');
    t.equal(result.status, 0, 'exit 0');
    t.equal(result.stderr, '', 'no warnings');
    t.equal(result.stdout, '', 'no output');
  });

  t.test(`${name}: notify-reload units pass systemd 257's verify (Debian trixie root file system)`, async (t) => {
    const units = systemdTarget.generate(manifest, { systemdVersion: 257 });
    let result;
    try {
      result = verifySystemdUnits(units, 'trixie');
    } catch (error) {
      t.fail(`cannot run a systemd >= 253 verifier: ${(error as Error).message}`);
      return;
    }
    t.match(result.systemdVersion, /^systemd 2(5[3-9]|[6-9]\d)\b/, 'verified by systemd >= 253');
    t.equal(result.status, 0, 'exit 0');
    t.equal(result.stderr, '', 'no warnings');
    t.equal(result.stdout, '', 'no output');
  });
}

t.test('the verifier is strict enough to fail: notify-reload on systemd 252 warns', async (t) => {
  const units = systemdTarget.generate(manifests[0]!.manifest, { systemdVersion: 257 });
  const result = verifySystemdUnits(units, 'host');
  t.match(result.stderr, /notify-reload/);
});
