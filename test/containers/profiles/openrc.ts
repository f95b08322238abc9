// OpenRC (under sysvinit's init, as Debian runs it): booted when the default runlevel is reached and openrc has exited.
import { type InitProfile, logTails, type ReloadCommand } from '../init-profiles.js';
import { sysvRunOptions } from './shared.js';

// Where the package's LSB script goes once diverted: out of /etc/init.d, where OpenRC and insserv would take
// it for a second service.
const divertedLsbScript = (service: string) => `/usr/local/lib/${service}.lsb-init`;

// `rc-service … reload`: the runscript's reload() runs the synchronous client and ends with `eend $?`.
export function rcServiceReload(service: string): ReloadCommand {
  return { command: `rc-service ${service} reload`, waits: true, trigger: 'control-socket', failure: { exitsNonZero: true } };
}

// sysvinit-core with openrc as its rc system.
export const openrcProfile: InitProfile = {
  init: 'openrc',
  target: 'openrc',
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
    ...logTails(service.logFiles),
  ],
  enableAndStart: (service) => `rc-update add ${service} default && rc-service ${service} start`,
  startCommand: (service) => `rc-service ${service} start`,
  stopCommand: (service) => `rc-service ${service} stop`,
  // start-stop-daemon sends TERM and waits: a return well inside the TERM budget means it exited on TERM
  cleanExit: undefined,
  // The packages ship an LSB script; the generated runscript replaces it through a local diversion, so the
  // maintainer scripts' update-rc.d and invoke-rc.d (which hand over to rc-update / rc-service) act on it.
  packageSetup: {
    before: (service) => [`dpkg-divert --local --rename --divert ${divertedLsbScript(service)} --add /etc/init.d/${service}`],
    installsGeneratedFiles: true,
    ready: () => [],
    after: () => [],
  },
};
