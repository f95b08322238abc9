// oslo.log's file options: where the JSON lines go, and the reopen at each reload that logrotate relies on.
import t from 'tap';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { logFilePath, openServiceLog } from '../../../../runtime/cli/service-log.js';
import type { RuntimeEvent } from '../../../../runtime/model/events.js';

const none = { debug: false, useSyslog: false, useJournal: false };

t.test("the log file path follows oslo.log's _get_log_file_path", async (t) => {
  t.equal(logFilePath('cinder-volume', { logFile: '/var/log/cinder/v.log' }), '/var/log/cinder/v.log');
  t.equal(logFilePath('cinder-volume', { logDir: '/var/log/cinder' }), '/var/log/cinder/cinder-volume.log');
  t.equal(logFilePath('cinder-volume', { logDir: '/var/log/cinder', logFile: 'v.log' }), '/var/log/cinder/v.log');
  t.equal(logFilePath('cinder-volume', {}), undefined);
});

t.test('--log-file: event lines go to the file, which is reopened at reload.start (after logrotate moved it)', async (t) => {
  const dir = t.testdir({});
  const file = join(dir, 'svc.log');
  const log = openServiceLog('svc', { ...none, logFile: file });
  t.equal(log.destination, file);
  const start: RuntimeEvent = { event: 'reload.start', service: 'svc', pid: 1, id: 1, trigger: 'SIGHUP', time: 't' };
  log.write('{"msg":"ready"}\n');
  renameSync(file, `${file}.1`);
  await log.sink.deliver(start);
  t.equal(readFileSync(`${file}.1`, 'utf8'), '{"msg":"ready"}\n', 'the rotated file keeps what was written before');
  t.same(JSON.parse(readFileSync(file, 'utf8')), { level: 'info', msg: 'reload.start', ...start }, 'reload.start opens the path again first');
  await log.sink.close?.();
});

t.test('a log file that cannot be opened is refused naming it', async (t) => {
  t.throws(() => openServiceLog('svc', { ...none, logDir: '/nonexistent/dir' }), {
    message: /^cannot open the log file \/nonexistent\/dir\/svc\.log \(--log-file\/--log-dir\): ENOENT/,
  });
});
