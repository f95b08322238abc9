// The smoke scenario on every row of the matrix (see scenarios/smoke.ts). Fails, saying what is missing,
// when this machine cannot run the container tests; never skips.

import t from 'tap';
import { withContainer } from './container.js';
import { prepareMatrix } from './harness.js';
import { runSmokeScenario } from './scenarios/smoke.js';

// cold image builds take about a minute each, two at a time
t.setTimeout(20 * 60_000);

const prepared = await prepareMatrix().catch((error: Error) => error);
if (prepared instanceof Error) {
  t.fail(prepared.message, { cause: prepared.cause });
} else {
  for (const row of prepared.rows) {
    await t.test(`${row.id}: ${row.description}`, async (t) => {
      const startedAt = Date.now();
      await withContainer(prepared.engine, row, prepared.images.get(row.id) ?? '', (container) =>
        runSmokeScenario(t, container),
      );
      t.comment(`${row.id}: smoke scenario took ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    });
  }
}
