// The JSON log sink writes exactly one parseable line per event, with the level derived from the outcome.
import t from 'tap';
import type { ReloadEndEvent } from '../../../../runtime/model/events.js';
import { createJsonLogSink, formatJsonLogLine } from '../../../../runtime/notify/json-log.js';

const end: ReloadEndEvent = {
  event: 'reload.end', service: 'svc', pid: 7, id: 1, trigger: 'control-socket', time: 'T', outcome: 'succeeded',
  changed: ['DEFAULT.debug'], restartRequired: [], reinitialised: [], durationMs: 3,
};

t.test('one line per event, info for success and error for failure', async (t) => {
  const lines: string[] = [];
  const sink = createJsonLogSink({ write: (chunk: string) => lines.push(chunk) });
  await sink.deliver(end);
  await sink.deliver({ ...end, outcome: 'failed', error: { message: 'boom', file: 'a.conf', line: 2 } });
  t.equal(sink.name, 'json-log');
  t.equal(lines.length, 2);
  t.equal(lines[0], '{"level":"info","msg":"reload.end","event":"reload.end","service":"svc","pid":7,"id":1,"trigger":"control-socket","time":"T","outcome":"succeeded","changed":["DEFAULT.debug"],"restartRequired":[],"reinitialised":[],"durationMs":3}\n');
  t.match(JSON.parse(lines[1] ?? ''), { level: 'error', msg: 'reload.end', outcome: 'failed', error: { message: 'boom', file: 'a.conf', line: 2 } });
});

t.test('retired drivers are info', async (t) => {
  const line = formatJsonLogLine({ event: 'driver.retired', service: 's', pid: 1, reloadId: 2, driver: 'volume:a', generation: 1, operationsFinished: 5, time: 'T' });
  t.equal(line, '{"level":"info","msg":"driver.retired","event":"driver.retired","service":"s","pid":1,"reloadId":2,"driver":"volume:a","generation":1,"operationsFinished":5,"time":"T"}\n');
});
