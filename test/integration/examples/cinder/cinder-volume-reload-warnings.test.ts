// A typo in a backend section does not fail a reload: it succeeds, and the client's output, reload.end
// and `status` name the ignored option with file:line and the option it probably meant.
import t from 'tap';
import { writeFileSync } from 'node:fs';
import {
  assertBuildIsCurrent, readNotifications, runCli, startBackend, startService, writeVolumeFiles,
} from '../../../helpers/cinder-processes.js';

assertBuildIsCurrent();

t.test('a misspelt backend option reloads with a warning and a suggestion', async (t) => {
  const backend = await startBackend(t);
  const { conf, notifications, text: good } = await writeVolumeFiles(t, { backend_a: backend.port });
  await startService(t, 'cinder-volume', [conf]);

  const typo = `${good}san_prot = 9999\n`;
  writeFileSync(conf, typo);
  const line = typo.split('\n').length - 1;
  const warning = `${conf}:${line}: [backend_a] san_prot: unknown option; did you mean san_port?`;
  const result = await runCli('cinder-volume', ['reload', '--config-file', conf]);
  t.equal(result.code, 0, `the reload succeeds:\n${result.stderr}`);
  t.match(result.stdout, /reload 1 succeeded in \d+ ms; changed: nothing; re-initialised: none/);
  t.ok(result.stdout.includes(`\nwarning: ${warning}\n`), `the client prints the warning:\n${result.stdout}`);

  const end = readNotifications(notifications).find((e) => e['event'] === 'reload.end');
  t.match(end, { outcome: 'succeeded', warnings: [{ message: warning, file: conf, line, section: 'backend_a', option: 'san_prot' }] });
  const start = readNotifications(notifications).find((e) => e['event'] === 'reload.start');
  t.same(start?.['warnings'], [], 'reload.start carries the running configuration\'s warnings: none yet');

  const status = await runCli('cinder-volume', ['status', '--config-file', conf]);
  t.match(JSON.parse(status.stdout), { configWarnings: [{ message: warning }] }, 'status shows the running configuration\'s warnings');
});
