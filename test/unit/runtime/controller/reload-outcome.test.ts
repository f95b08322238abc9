// Every reload.end shape, built in one place: exact fields, in the order they are written.
import t from 'tap';
import { ConfigError } from '../../../../runtime/config/errors.js';
import type { ConfigDiff } from '../../../../runtime/config/diff.js';
import {
  identifyReload, reloadFailedInternally, reloadRefused, reloadStarted, reloadStopped, reloadSucceeded,
} from '../../../../runtime/controller/reload-outcome.js';
import { ReloadStop } from '../../../../runtime/controller/reload-stop.js';

const who = { ...identifyReload('svc', 4, 'SIGHUP'), startedAt: performance.now() - 12 };
const withoutClock = (event: object) => ({ ...event, time: 'T', ...('durationMs' in event ? { durationMs: 'D' } : {}) });

t.test('reload.start and a succeeded reload.end name the reload, what changed and what was rebuilt', async (t) => {
  t.same(Object.keys(reloadStarted(who)), ['event', 'service', 'pid', 'id', 'trigger', 'time', 'warnings']);
  t.same(withoutClock(reloadStarted(who)), { event: 'reload.start', service: 'svc', pid: process.pid, id: 4, trigger: 'SIGHUP', time: 'T', warnings: [] });
  const warning = { message: 'unknown option', file: 'f.conf', line: 2, section: 'a', option: 'san_prot' };
  const diff = { changed: ['a.san_port'], restartRequired: ['DEFAULT.listen'], applied: { warnings: [warning] } } as unknown as ConfigDiff;
  const end = reloadSucceeded(who, diff, ['volume:a']);
  t.same(Object.keys(end), ['event', 'service', 'pid', 'id', 'trigger', 'time', 'outcome', 'changed', 'restartRequired', 'reinitialised', 'durationMs', 'warnings']);
  t.same(withoutClock(end), {
    event: 'reload.end', service: 'svc', pid: process.pid, id: 4, trigger: 'SIGHUP', time: 'T', outcome: 'succeeded',
    changed: ['a.san_port'], restartRequired: ['DEFAULT.listen'], reinitialised: ['volume:a'], durationMs: 'D', warnings: [warning],
  });
  t.ok(end.durationMs >= 12, `durationMs counts from the start of the reload (${end.durationMs})`);
});

t.test('a stopped reload is aborted or failed by its reason, keeps restartRequired and a ConfigError\'s location', async (t) => {
  const aborted = reloadStopped(who, new ReloadStop('aborted', 'drain did not finish'), ['DEFAULT.listen']);
  t.same([aborted.outcome, aborted.changed, aborted.restartRequired, aborted.reinitialised, aborted.error], [
    'aborted', [], ['DEFAULT.listen'], [], { message: 'drain did not finish' },
  ]);
  const located = new ConfigError('expected an integer', { file: 'f.conf', line: 3, section: 'a', option: 'san_port' });
  const wrapped = new Error(`cannot build driver volume:a: ${located.message}`, { cause: located });
  t.same(reloadStopped(who, wrapped).error, {
    message: 'cannot build driver volume:a: f.conf:3: [a] san_port: expected an integer', file: 'f.conf', line: 3, section: 'a', option: 'san_port',
  });
  t.same([reloadStopped(who, 'a string').outcome, reloadStopped(who, 'a string').error], ['failed', { message: 'a string' }]);
});

t.test('an internal error and a refusal are failed reloads of zero duration that say why', async (t) => {
  t.same(withoutClock(reloadFailedInternally(who, new TypeError('x is undefined'))), {
    event: 'reload.end', service: 'svc', pid: process.pid, id: 4, trigger: 'SIGHUP', time: 'T', outcome: 'failed',
    changed: [], restartRequired: [], reinitialised: [], durationMs: 'D', warnings: [], error: { message: 'internal error during reload: x is undefined' },
  });
  t.equal(reloadFailedInternally(who, 'boom').durationMs, 0);
  const refused = reloadRefused(who);
  t.same([refused.outcome, refused.durationMs, refused.error], ['failed', 0, { message: 'service svc is stopping; the reload did not run' }]);
});
