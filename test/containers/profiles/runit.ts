// runit (runit-init): booted when stage 2's runsvdir runs and `sv status` shows every service up.
import { type InitProfile, logTails, type ReloadCommand } from '../init-profiles.js';
import { sysvRunOptions } from './shared.js';

const serviceLog = (service: string) => `/var/log/runit/${service}/current`;

// `sv reload`: runsv runs control/h, which runs the synchronous client, and `sv` returns before that ran.
// control/h exits 0 by design (a non-zero exit makes runsv send SIGHUP too); the outcome is in the log, and
// control/h's stderr goes to runsvdir, which shows the last lines in its process title (readproctitle).
export function svReload(service: string): ReloadCommand {
  return {
    command: `sv reload ${service}`,
    waits: false,
    trigger: 'control-socket',
    failure: {
      exitsNonZero: false,
      whyZero: 'runit cannot report the outcome',
      reasonIn: { command: (name) => `cat ${serviceLog(name)}`, jsonLines: true, what: "the service's runit log has reload.end failed with the reason" },
      echoes: [{
        command: 'ps -o args= -p "$(pgrep -x runsvdir)"',
        text: (name) => `${name}: reload failed (exit 1); the service keeps running with its previous configuration`,
        what: "control/h reported the failure (runsvdir's log line)",
      }],
    },
  };
}

// runit-init with Debian's runit and its LSB hook (/lib/lsb/init-functions.d/40-runit).
export const runitProfile: InitProfile = {
  init: 'runit',
  target: 'runit',
  pid1Comm: 'runit',
  command: ['/sbin/init'],
  runOptions: sysvRunOptions,
  bootCheck: [
    'pgrep -x runsvdir >/dev/null || { echo "runsvdir is not running yet"; exit 1; }',
    // not `sv check`: Debian's default-syslog placeholder has a check script needing socklog
    'down=$(sv status /etc/service/* 2>&1 | grep -v "^run: ")',
    '[ -z "$down" ] || { echo "not up yet: $down"; exit 1; }',
  ].join('\n'),
  evidenceCommands: (service) => [
    `sv status /etc/service/${service.name}`,
    `ls -la /etc/service/${service.name}/`,
    'ps -ef',
    ...logTails([...service.logFiles, serviceLog(service.name)]),
  ],
  // runsvdir notices a new service directory within 5 s
  enableAndStart: (service) => `ln -s /etc/sv/${service} /etc/service/${service}`,
  startCommand: (service) => `sv start ${service}`,
  // sv waits 7 s by default, less than a drain may take
  stopCommand: (service) => `sv -w 120 stop ${service}`,
  cleanExit: {
    command: (service) => `cat ${serviceLog(service)}`,
    summarise: (stdout) => String(/"msg":"stopping".*"signal":"SIGTERM"/.test(stdout) && !/graceful_shutdown_timeout ran out/.test(stdout)),
    expected: 'true',
    what: 'the runit log shows a graceful stop on SIGTERM that finished its work',
  },
  // The generated service directory is in /etc/sv before installing and linked into /etc/service after:
  // until then Debian's runit hook turns the LSB script's actions into no-ops, afterwards into `sv` commands.
  packageSetup: {
    before: () => [],
    installsGeneratedFiles: true,
    ready: () => [],
    after: (service) => [`ln -s /etc/sv/${service} /etc/service/${service}`],
  },
};
