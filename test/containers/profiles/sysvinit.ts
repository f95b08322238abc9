// sysvinit: booted when init reports runlevel 2 and /etc/init.d/rc has finished.
import { type InitProfile, logTails, type ReloadCommand } from '../init-profiles.js';
import { sysvRunOptions } from './shared.js';

// An LSB reload command (`service … reload`, `/etc/init.d/… reload`, `invoke-rc.d … reload`): the init script
// runs the synchronous client, waits, and prints the reason on failure.
export function lsbReload(command: string): ReloadCommand {
  return { command, waits: true, trigger: 'control-socket', failure: { exitsNonZero: true } };
}

// sysvinit-core with Debian's LSB init scripts.
export const sysvinitProfile: InitProfile = {
  init: 'sysvinit',
  target: 'sysv',
  pid1Comm: 'init',
  command: ['/sbin/init'],
  runOptions: sysvRunOptions,
  bootCheck: [
    'level=$(runlevel)',
    '[ "$level" = "N 2" ] || { echo "runlevel: $level"; exit 1; }',
    // [/] keeps pgrep from matching this very script
    'if pgrep -f "[/]etc/init.d/rc " >/dev/null; then echo "the runlevel 2 scripts are still running"; exit 1; fi',
  ].join('\n'),
  evidenceCommands: (service) => [
    `/etc/init.d/${service.name} status`,
    `ls -l /etc/rc2.d`,
    'ps -ef',
    ...logTails(service.logFiles),
  ],
  enableAndStart: (service) => `update-rc.d ${service} defaults && service ${service} start`,
  startCommand: (service) => `service ${service} start`,
  stopCommand: (service) => `service ${service} stop`,
  // start-stop-daemon sends TERM and waits (retry TERM/90/KILL/5): a return well inside 90 s means it exited on TERM
  cleanExit: undefined,
  // the packages' maintainer scripts enable and start the LSB script
  packageSetup: { before: () => [], installsGeneratedFiles: false, ready: () => [], after: () => [] },
};
