// The smoke fixtures: a manifest, a daemon and its reload client, and nothing written per init system —
// every row's init files are generated from the manifest by the row's own target. Checked by Debian's
// shellcheck (as POSIX sh: they run under dash) and node --check.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import t from 'tap';
import { findTarget } from '../../../generators/registry.js';
import { matrix } from '../matrix.js';
import { fixturesDir, findExecutable } from '../paths.js';
import { loadSmokeManifest, smokeService } from '../scenarios/smoke-service.js';

const smokeDir = join(fixturesDir, 'smoke');

t.test('the smoke fixtures hold no init file written by hand', async (t) => {
  t.same(readdirSync(smokeDir).sort(), ['reloadkit.yaml', 'rk-smoke-daemon', 'rk-smoke-reload']);
});

t.test("every row's target generates the smoke service's init files from the manifest", async (t) => {
  const manifest = await loadSmokeManifest();
  t.same(manifest.services.map((service) => service.name), [smokeService.name]);
  for (const row of matrix) {
    const target = findTarget(row.profile.target);
    const files = target.generate(manifest, { systemdVersion: row.systemdVersion });
    t.ok(files.length > 0, `${row.id}: ${target.name} generates files for ${smokeService.name}`);
    for (const file of files) {
      t.ok(target.installsUnder.some((prefix) => file.path.startsWith(prefix)), `${row.id}: ${file.path} is under ${target.installsUnder.join(', ')}`);
      t.ok(file.path.split('/').some((part) => part === smokeService.name || part.startsWith(`${smokeService.name}.`)),
        `${row.id}: ${file.path} is installed for ${smokeService.name} (the scenario installs exactly these)`);
    }
    if (target.kind === 'init') {
      t.match(files.map((file) => file.content).join('\n'), /\/usr\/local\/bin\/rk-smoke-reload|check-config/, `${row.id}: the reload goes through the service's own client or check`);
    }
  }
});

t.test('the smoke reload client passes shellcheck', async (t) => {
  // Debian's binary, not the npm wrapper on tap's PATH (which downloads one)
  const shellcheck = process.env['SHELLCHECKJS_BIN'] || findExecutable('shellcheck', '/usr/bin:/bin');
  if (!shellcheck) {
    t.fail("shellcheck is not installed: install Debian's shellcheck (bash scripts/install-deps.sh)");
    return;
  }
  const script = join(smokeDir, 'rk-smoke-reload');
  const result = await execa(shellcheck, ['--shell=sh', script], { reject: false });
  t.equal(result.exitCode, 0, `shellcheck ${script}`, { output: result.stdout });
});

t.test('the smoke daemon is valid JavaScript for Node', async (t) => {
  const result = await execa(process.execPath, ['--check', join(smokeDir, 'rk-smoke-daemon')], { reject: false });
  t.equal(result.exitCode, 0, 'node --check rk-smoke-daemon', { output: result.stderr });
});

t.test("the package scenario's load client is valid JavaScript for Node", async (t) => {
  const result = await execa(process.execPath, ['--check', join(fixturesDir, 'cinder', 'rk-volume-load')], { reject: false });
  t.equal(result.exitCode, 0, 'node --check rk-volume-load', { output: result.stderr });
});
