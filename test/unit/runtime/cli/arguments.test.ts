// The command line: subcommands, repeatable options, and the exact usage errors.
import t from 'tap';
import { parseCommandLine } from '../../../../runtime/cli/arguments.js';

t.test('subcommands and options', async (t) => {
  const logging = { logFile: undefined, logDir: undefined, debug: false, useSyslog: false, useJournal: false };
  t.same(parseCommandLine([]), {
    name: 'run', configFiles: [], configDirs: [], configSources: [], strict: false, logging, controlSocket: undefined, timeoutSeconds: undefined, waitDrained: false,
  });
  t.same(parseCommandLine(['--config-file', 'a.conf', '--config-file=b.conf', '--config-dir', 'd']).configFiles, ['a.conf', 'b.conf']);
  const reload = parseCommandLine(['reload', '--control-socket', '/run/x.sock', '--timeout', '1.5', '--wait-drained']);
  t.same(reload, { name: 'reload', configFiles: [], configDirs: [], configSources: [], strict: false, logging, controlSocket: '/run/x.sock', timeoutSeconds: 1.5, waitDrained: true });
  t.equal(parseCommandLine(['check-config', '--config-file', 'a']).name, 'check-config');
  t.equal(parseCommandLine(['status']).name, 'status');
  t.equal(parseCommandLine(['-h']).name, 'help');
  t.equal(parseCommandLine(['reload', '--help']).name, 'help');
  t.equal(parseCommandLine(['--version']).name, 'version');
});

t.test('usage errors say what is wrong', async (t) => {
  t.throws(() => parseCommandLine(['restart']), { name: 'UsageError', message: 'unknown command "restart" (commands: run, reload, check-config, status)' });
  t.throws(() => parseCommandLine(['reload', 'now']), { message: 'unexpected argument "now" after "reload"' });
  t.throws(() => parseCommandLine(['check-config', '--timeout', '3']), { message: 'option --timeout is not valid for "check-config" (valid: --config-file, --config-dir, --strict)' });
  t.throws(() => parseCommandLine(['reload', '--timeout', '0']), { message: 'expected --timeout to be a positive number of seconds, got "0"' });
  t.throws(() => parseCommandLine(['reload', '--timeout', 'soon']), { message: 'expected --timeout to be a positive number of seconds, got "soon"' });
  t.throws(() => parseCommandLine(['--frobnicate']), { name: 'UsageError', message: /^Unknown option '--frobnicate'/ });
  t.throws(() => parseCommandLine(['--config-file']), { name: 'UsageError', message: /^Option '--config-file <value>' argument missing/ });
});

t.test('--config-file and --config-dir keep their command-line order (oslo reads them in that order)', async (t) => {
  t.same(parseCommandLine(['--config-dir', 'd1', '--config-file=a.conf', '--debug', '--config-dir=d2', '--config-file', 'b.conf']).configSources, [
    { kind: 'dir', path: 'd1' }, { kind: 'file', path: 'a.conf' }, { kind: 'dir', path: 'd2' }, { kind: 'file', path: 'b.conf' },
  ]);
  t.equal(parseCommandLine(['check-config', '--strict']).strict, true);
});

t.test("oslo.log's options a distribution's unit passes are accepted by run; others are refused by name", async (t) => {
  t.same(parseCommandLine(['--config-file=/etc/cinder/cinder.conf', '--log-file=/var/log/cinder/cinder-volume.log', '--debug', '--use-journal', '--use-syslog']).logging, {
    logFile: '/var/log/cinder/cinder-volume.log', logDir: undefined, debug: true, useSyslog: true, useJournal: true,
  });
  t.equal(parseCommandLine(['--log-dir', '/var/log/cinder']).logging.logDir, '/var/log/cinder');
  t.throws(() => parseCommandLine(['--log-config-append', '/etc/x']), { name: 'UsageError', message: /^Unknown option '--log-config-append'/ });
  t.throws(() => parseCommandLine(['reload', '--log-file', 'x']), { message: /^option --log-file is not valid for "reload"/ });
});
