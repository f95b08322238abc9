// Every generated shell file of every target passes shellcheck and `sh -n`.
import t from 'tap';
import { targets } from '../../../generators/registry.js';
import { loadManifestsUnderTest } from '../../helpers/generator-fixtures.js';
import { LITERAL_QUOTING_NOTES, runShellcheck, runShellSyntaxCheck } from '../../helpers/shell-checks.js';
import { extractPostrotateScripts } from '../../helpers/logrotate-scripts.js';

t.setTimeout(300_000);

/** The targets whose output holds shell, as each one declares it in the registry. */
const shellTargets = targets.filter((target) => target.shell !== 'none');

for (const { name, manifest } of loadManifestsUnderTest()) {
  for (const target of shellTargets) {
    for (const file of target.generate(manifest, { systemdVersion: 252 })) {
      if (target.shell === 'scripts' && !file.content.startsWith('#!')) continue; // data beside the scripts
      const scripts =
        target.shell === 'postrotate'
          ? extractPostrotateScripts(file.content).map((script, index) => ({ label: `postrotate #${index + 1}`, script }))
          : [{ label: 'script', script: file.content }];
      for (const { label, script } of scripts) {
        t.test(`${name}: ${target.name} ${file.path} (${label})`, async (t) => {
          // The hostile manifest's literal `$(…)` in single quotes draws shellcheck's notes on literal text; only those are excluded.
          const shellcheck = await runShellcheck(script, name === 'hostile' ? LITERAL_QUOTING_NOTES : []);
          t.equal(shellcheck.status, 0, 'shellcheck finds nothing', { output: shellcheck.output });
          const syntax = await runShellSyntaxCheck(script);
          t.equal(syntax.status, 0, 'sh -n accepts it', { output: syntax.output });
        });
      }
    }
  }
}
