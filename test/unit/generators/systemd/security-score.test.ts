// Every generated unit scores <= 2.5 in systemd's own sandbox rating (`systemd-analyze security`), on
// both unit shapes (252: Type=notify, >= 253: notify-reload) and for every manifest under test, including
// one that grants capabilities, address families, writable paths and a descriptor limit.
import t from 'tap';
import { systemdTarget } from '../../../../generators/systemd/index.js';
import { loadManifestsUnderTest } from '../../../helpers/generator-fixtures.js';
import { scoreUnits, systemdAnalyzeVersion } from '../../../helpers/systemd-security.js';

/** The highest exposure a generated unit may have ("OK" in systemd's words; the old units scored 5.2). */
const MAX_EXPOSURE = 2.5;

t.setTimeout(5 * 60_000);

t.test('systemd-analyze is there to score the units', async (t) => {
  t.match(systemdAnalyzeVersion(), /^systemd \d+/);
});

for (const { name, manifest } of loadManifestsUnderTest()) {
  for (const systemdVersion of [252, 257]) {
    t.test(`${name}, systemd ${systemdVersion} units: exposure <= ${MAX_EXPOSURE}`, async (t) => {
      const units = systemdTarget.generate(manifest, { systemdVersion });
      t.equal(units.length, manifest.services.length);
      for (const score of scoreUnits(units)) {
        t.ok(score.exposure <= MAX_EXPOSURE, `${score.unit}: ${score.exposure}`, { report: score.exposure <= MAX_EXPOSURE ? undefined : score.report });
      }
    });
  }
}

t.test('the check can fail: the same unit without its hardening block scores above the bound', async (t) => {
  const [unit] = systemdTarget.generate(loadManifestsUnderTest()[0]!.manifest, { systemdVersion: 252 });
  const bare = unit!.content.replace(/^# Hardening[\s\S]*?(?=^\[Install\])/m, '');
  t.not(bare, unit!.content, 'the hardening block was removed');
  const [score] = scoreUnits([{ ...unit!, content: bare }]);
  t.ok(score!.exposure > MAX_EXPOSURE, `unhardened: ${score!.exposure}`);
});
