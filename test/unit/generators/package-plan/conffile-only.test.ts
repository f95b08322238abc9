// A conffile-only upgrade is told apart only when it must act differently from a code upgrade.
import t from 'tap';
import { distinguishesConffileOnly } from '../../../../generators/package-plan/conffile-only.js';
import type { PackagedService } from '../../../../generators/package-plan/plan.js';

t.test('different actions for code and conffile-only upgrades', async (t) => {
  const service = (onUpgrade: string, onConffileOnlyUpgrade: string) => ({ onUpgrade, onConffileOnlyUpgrade }) as unknown as PackagedService;
  t.equal(distinguishesConffileOnly(service('restart', 'reload')), true);
  t.equal(distinguishesConffileOnly(service('reload', 'reload')), false);
});
