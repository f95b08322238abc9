// The notification file: appended line by line, created 0640, survives rotation, and write errors never throw.
import t from 'tap';
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReloadStartEvent } from '../../../../runtime/model/events.js';
import { createJsonlFileSink } from '../../../../runtime/notify/jsonl-file.js';

const start: ReloadStartEvent = { event: 'reload.start', service: 'svc', pid: 1, id: 1, trigger: 'SIGHUP', time: 'T' };

t.test('appends one object per line, creates the file 0640 and reopens it after rotation', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jsonl-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'events.jsonl');
  const oldUmask = process.umask(0o022);
  t.teardown(() => process.umask(oldUmask));
  const sink = createJsonlFileSink({ path: () => file, onError: (e) => t.fail(e.message) });
  sink.deliver(start);
  await sink.deliver({ ...start, id: 2 });
  t.equal(statSync(file).mode & 0o777, 0o640);
  t.same(readFileSync(file, 'utf8').split('\n'), [JSON.stringify(start), JSON.stringify({ ...start, id: 2 }), '']);

  renameSync(file, `${file}.1`); // what logrotate does
  await sink.deliver({ ...start, id: 3 });
  t.equal(readFileSync(file, 'utf8'), JSON.stringify({ ...start, id: 3 }) + '\n');
  t.equal(readFileSync(`${file}.1`, 'utf8').split('\n').length, 3);
});

t.test('follows a path change and is off when the path is unset', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jsonl-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  let path: string | undefined;
  const sink = createJsonlFileSink({ path: () => path });
  await sink.deliver(start);
  path = join(dir, 'b.jsonl');
  await sink.deliver(start);
  t.equal(readFileSync(path, 'utf8'), JSON.stringify(start) + '\n');
});

t.test('a write error is reported with the file and never thrown', async (t) => {
  const errors: Error[] = [];
  const sink = createJsonlFileSink({ path: () => '/nonexistent-dir/events.jsonl', onError: (e) => errors.push(e) });
  await sink.deliver(start);
  await sink.close?.();
  t.equal(errors.length, 1);
  t.equal(errors[0]?.message, "cannot write reload.start to notification_file /nonexistent-dir/events.jsonl: ENOENT: no such file or directory, open '/nonexistent-dir/events.jsonl'");
});
