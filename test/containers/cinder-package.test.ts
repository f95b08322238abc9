// The package scenario on every row of the matrix (see scenarios/cinder-package.ts): the cinder .debs
// built from this tree, installed, reloaded under load, refused a bad file, stopped and upgraded through
// each init system; and, on the rows that list rpm, the .rpm files' scriptlets under systemd
// (scenarios/cinder-rpm.ts). Fails, saying what is missing, when this machine cannot run the container tests.

import t from 'tap';
import { ensureCinderPackages } from './cinder-packages.js';
import { withContainer } from './container.js';
import { prepareMatrix } from './harness.js';
import { runCinderPackageScenario } from './scenarios/cinder-package.js';
import { runCinderRpmScenario } from './scenarios/cinder-rpm.js';

// cold image builds take about a minute each, two at a time
t.setTimeout(30 * 60_000);

const prepared = await prepareMatrix().catch((error: Error) => error);
if (prepared instanceof Error) {
  t.fail(prepared.message, { cause: prepared.cause });
} else {
  for (const row of prepared.rows) {
    const image = prepared.images.get(row.id) ?? '';
    await t.test(`${row.id}: ${row.description}: .deb, steps 1–7`, async (t) => {
      const packages = await ensureCinderPackages('deb', row.systemdVersion);
      const startedAt = Date.now();
      await withContainer(prepared.engine, row, image, (container) => runCinderPackageScenario(t, container, packages));
      t.comment(`${row.id}: .deb scenario took ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    });
    if (!row.packageFormats.includes('rpm')) continue;
    await t.test(`${row.id}: ${row.description}: .rpm scriptlets under systemd`, async (t) => {
      const packages = await ensureCinderPackages('rpm', row.systemdVersion);
      const startedAt = Date.now();
      await withContainer(prepared.engine, row, image, (container) => runCinderRpmScenario(t, container, packages));
      t.comment(`${row.id}: .rpm scenario took ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    });
  }
}
