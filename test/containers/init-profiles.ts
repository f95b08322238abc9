// How each init system is booted as PID 1 in a container, how to tell it has finished booting, and what
// to print when a test fails on it. Rows of the matrix pick one profile each.

// The init systems the matrix covers.
export type InitSystem = 'systemd' | 'sysvinit' | 'openrc' | 'runit';

// A service under test, as far as collecting evidence about it needs to know.
export interface ServiceUnderTest {
  /** unit / init script / runit service directory name */
  name: string;
  /** log files the service writes inside the container (printed on failure) */
  logFiles: readonly string[];
}

// Everything about booting and inspecting one init system that does not depend on the Debian suite.
export interface InitProfile {
  init: InitSystem;
  /** what /proc/1/comm must say once the container runs */
  pid1Comm: string;
  /** the image's CMD: the init binary */
  command: readonly string[];
  /** engine run options this init needs (never --privileged, never --network host) */
  runOptions: readonly string[];
  /** shell script run inside the container: exits 0 once booted (printing anything worth showing), non-zero before */
  bootCheck: string;
  /** shell commands whose output explains a failure of `service` */
  evidenceCommands: (service: ServiceUnderTest) => string[];
  /** the init system's own command that starts an installed, enabled `service` */
  startCommand: (service: string) => string;
  /** the init system's own command that stops `service` and returns once it has exited */
  stopCommand: (service: string) => string;
  /** false when the reload command returns before the reload ran (runit's `sv reload`) */
  reloadWaits: boolean;
}

const systemdRunOptions = [
  '--cap-add', 'SYS_ADMIN',
  '--cgroupns=host',
  '--volume', '/sys/fs/cgroup:/sys/fs/cgroup:rw',
  '--stop-signal', 'SIGRTMIN+3',
];

const sysvRunOptions = ['--cap-add', 'SYS_ADMIN', '--cap-add', 'SYS_BOOT'];

function logTails(service: ServiceUnderTest): string[] {
  return service.logFiles.map((file) => `tail -n 100 ${file}`);
}

// systemd: booted when `systemctl is-system-running --wait` ends in running or degraded (failed units listed).
export const systemdProfile: InitProfile = {
  init: 'systemd',
  pid1Comm: 'systemd',
  command: ['/sbin/init'],
  runOptions: systemdRunOptions,
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
    ...logTails(service),
  ],
  startCommand: (service) => `systemctl start ${service}`,
  stopCommand: (service) => `systemctl stop ${service}`,
  reloadWaits: true,
};

// sysvinit: booted when init reports runlevel 2 and /etc/init.d/rc has finished.
export const sysvinitProfile: InitProfile = {
  init: 'sysvinit',
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
    ...logTails(service),
  ],
  startCommand: (service) => `service ${service} start`,
  stopCommand: (service) => `service ${service} stop`,
  reloadWaits: true,
};

// OpenRC (under sysvinit's init, as Debian runs it): booted when the default runlevel is reached and openrc has exited.
export const openrcProfile: InitProfile = {
  init: 'openrc',
  pid1Comm: 'init',
  command: ['/sbin/init'],
  runOptions: sysvRunOptions,
  bootCheck: [
    'level=$(rc-status --runlevel 2>&1)',
    '[ "$level" = default ] || { echo "openrc runlevel: $level"; exit 1; }',
    'if pgrep -x openrc >/dev/null; then echo "openrc still running"; exit 1; fi',
    'crashed=$(rc-status --crashed 2>/dev/null)',
    '[ -z "$crashed" ] || echo "crashed services: $crashed"',
    'exit 0',
  ].join('\n'),
  evidenceCommands: (service) => [
    `rc-service ${service.name} status`,
    'rc-status --all',
    'ps -ef',
    ...logTails(service),
  ],
  startCommand: (service) => `rc-service ${service} start`,
  stopCommand: (service) => `rc-service ${service} stop`,
  reloadWaits: true,
};

// runit (runit-init): booted when stage 2's runsvdir runs and `sv status` shows every service up.
export const runitProfile: InitProfile = {
  init: 'runit',
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
    ...logTails(service),
  ],
  startCommand: (service) => `sv start ${service}`,
  // sv waits 7 s by default, less than a drain may take
  stopCommand: (service) => `sv -w 120 stop ${service}`,
  reloadWaits: false,
};
