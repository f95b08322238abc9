// systemd as PID 1: booted when `systemctl is-system-running --wait` ends in running or degraded (failed units listed).
import { type InitProfile, logTails, type ReloadCommand } from '../init-profiles.js';

const journal = (service: string) => `journalctl --no-pager -n 100 -u ${service}`;

// `systemctl reload`: waits for the reload job; from systemd 253 the units are Type=notify-reload, so systemd
// itself sends SIGHUP, else ExecReload= runs the synchronous client. systemctl prints only that the job
// failed; the reason is in the unit's journal.
export function systemctlReload(service: string, systemdVersion: number): ReloadCommand {
  return {
    command: `systemctl reload ${service}`,
    waits: true,
    trigger: systemdVersion >= 253 ? 'SIGHUP' : 'control-socket',
    failure: { exitsNonZero: true, reasonIn: { command: journal, jsonLines: false, what: 'journal of the unit' } },
  };
}

// systemd 252 and 257 (Debian 12 and 13).
export const systemdProfile: InitProfile = {
  init: 'systemd',
  target: 'systemd',
  pid1Comm: 'systemd',
  command: ['/sbin/init'],
  runOptions: [
    '--cap-add', 'SYS_ADMIN',
    '--cgroupns=host',
    '--volume', '/sys/fs/cgroup:/sys/fs/cgroup:rw',
    '--stop-signal', 'SIGRTMIN+3',
  ],
  bootCheck: [
    'state=$(timeout 5 systemctl is-system-running --wait 2>&1)',
    'case "$state" in',
    '  running) exit 0 ;;',
    '  degraded) echo "system is degraded; failed units:"; systemctl --failed --no-legend --no-pager; exit 0 ;;',
    '  *) echo "system state: $state"; exit 1 ;;',
    'esac',
  ].join('\n'),
  evidenceCommands: (service) => [
    `systemctl status --no-pager --full ${service.name}`,
    `journalctl --no-pager -n 200 -u ${service.name}`,
    'systemctl --failed --no-pager',
    ...logTails(service.logFiles),
  ],
  enableAndStart: (service) => `systemctl daemon-reload && systemctl enable --now ${service}.service`,
  startCommand: (service) => `systemctl start ${service}`,
  stopCommand: (service) => `systemctl stop ${service}`,
  // systemd records the main process's exit status
  cleanExit: {
    command: (service) => `systemctl show -p Result -p ExecMainStatus -p ActiveState ${service}`,
    summarise: (stdout) => stdout.trim().split('\n').sort().join(' '),
    expected: 'ActiveState=inactive ExecMainStatus=0 Result=success',
    what: 'systemd saw the main process exit 0',
  },
  // the packages' maintainer scripts enable and start the unit
  packageSetup: { before: () => [], installsGeneratedFiles: false, ready: () => [], after: () => [] },
};
