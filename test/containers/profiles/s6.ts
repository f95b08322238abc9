// s6: s6-svscan as PID 1 on /run/service, as s6-overlay images run it; booted when its control FIFO exists.
import { type InitProfile, logTails, type ReloadCommand } from '../init-profiles.js';

const scandir = '/run/service';
const serviceLog = (service: string) => `/var/log/s6/${service}/current`;
// s6-svc -wU / -wD wait until the service is up and ready (notification-fd), or down and finished
const waitMs = 120_000;

// `s6-svc -h`: SIGHUP straight to the service, returning at once; the outcome is the runtime's reload.end
// line in the service's s6-log.
export function s6SvcHup(service: string): ReloadCommand {
  return {
    command: `s6-svc -h ${scandir}/${service}`,
    waits: false,
    trigger: 'SIGHUP',
    failure: {
      exitsNonZero: false,
      whyZero: 's6-svc only sends the signal',
      reasonIn: { command: (name) => `cat ${serviceLog(name)}`, jsonLines: true, what: "the service's s6 log has reload.end failed with the reason" },
    },
  };
}

// Debian's s6 package, no other init.
export const s6Profile: InitProfile = {
  init: 's6',
  target: 's6',
  pid1Comm: 's6-svscan',
  command: ['/bin/sh', '-c', `mkdir -p ${scandir} && exec /usr/bin/s6-svscan ${scandir}`],
  runOptions: [],
  bootCheck: `[ -p ${scandir}/.s6-svscan/control ] || { echo "s6-svscan has not set up ${scandir} yet"; exit 1; }`,
  evidenceCommands: (service) => [
    `s6-svstat ${scandir}/${service.name}`,
    `ls -la /etc/s6/sv/${service.name}/`,
    'ps -ef',
    ...logTails([...service.logFiles, serviceLog(service.name)]),
  ],
  // s6-svlink returns once s6-supervise runs; then wait until the service said it is ready
  enableAndStart: (service) => `s6-svlink ${scandir} /etc/s6/sv/${service} && s6-svwait -U -t ${waitMs} ${scandir}/${service}`,
  startCommand: (service) => `s6-svc -wU -T ${waitMs} -u ${scandir}/${service}`,
  stopCommand: (service) => `s6-svc -wD -T ${waitMs} -d ${scandir}/${service}`,
  cleanExit: {
    command: (service) => `cat ${serviceLog(service)}`,
    summarise: (stdout) => String(/"msg":"stopping".*"signal":"SIGTERM"/.test(stdout) && !/graceful_shutdown_timeout ran out/.test(stdout) && /: exited with status 0$/m.test(stdout)),
    expected: 'true',
    what: 'the s6 log shows a graceful stop on SIGTERM that finished its work, and finish saw exit status 0',
  },
  // The package's LSB script is diverted and the generated one, which drives the service directory, takes its
  // place. There is no /sbin/init for invoke-rc.d to ask, so without a policy-rc.d it would block every action;
  // the administrator's policy lets the maintainer scripts act. The service directory is handed to s6 before
  // installing, kept down (a `down` file) until the postinst's start brings it up through the LSB script.
  packageSetup: {
    before: (service) => [
      `dpkg-divert --local --rename --divert /usr/local/lib/${service}.lsb-init --add /etc/init.d/${service}`,
      "printf '#!/bin/sh\\nexit 0\\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d",
    ],
    installsGeneratedFiles: true,
    ready: (service) => [`touch /etc/s6/sv/${service}/down && s6-svlink ${scandir} /etc/s6/sv/${service}`],
    after: (service) => [`rm /etc/s6/sv/${service}/down`],
  },
};
