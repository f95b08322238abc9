// What the scenarios need to know about one init system, as data: how it boots as PID 1, how a service is
// installed, started, reloaded and stopped through it, where its log is and how it reports a failed reload.
// One profile per init system lives in profiles/; rows of the matrix pick one each. Scenarios read these
// fields and never compare an init system's name.

// A service under test, as far as collecting evidence about it and reloading it needs to know.
export interface ServiceUnderTest {
  /** unit / init script / service directory name */
  name: string;
  /** log files the service writes inside the container (printed on failure) */
  logFiles: readonly string[];
  /** the service's own synchronous reload client, as a shell command line (waits for the outcome) */
  reloadClient: string;
}

// Where a failed reload's reason shows when the reload command itself cannot say it.
export interface ReasonSource {
  /** shell command printing it, e.g. the unit's journal or the service's log file */
  command: (service: string) => string;
  /** true: the runtime's JSON log lines (quotes escaped, one line holds `"outcome":"failed"` and the reason) */
  jsonLines: boolean;
  /** what the test names it, e.g. "journal of the unit" */
  what: string;
}

// A further place the init system shows the failure, e.g. runsvdir's process title.
export interface FailureEcho {
  command: string;
  text: (service: string) => string;
  what: string;
}

// How one reload command reports a reload the service refused.
export interface FailureReport {
  /** true: the command exits non-zero; false: it exits 0 whatever happened (said why in `whyZero`) */
  exitsNonZero: boolean;
  /** why the command exits 0 after a failed reload (when exitsNonZero is false) */
  whyZero?: string;
  /** where the reason is; undefined: the command's own output */
  reasonIn?: ReasonSource;
  /** further places that show the failure */
  echoes?: readonly FailureEcho[];
}

// One of an init system's reload commands, with what it promises.
export interface ReloadCommand {
  command: string;
  /** false when the command returns before the reload ran (runit's `sv reload`, s6's `s6-svc -h`) */
  waits: boolean;
  /** how the reload reaches the runtime: the reload.start event's `trigger` */
  trigger: 'SIGHUP' | 'control-socket';
  failure: FailureReport;
}

// How the init system saw the service end after a stop, where it records that.
export interface CleanExitCheck {
  command: (service: string) => string;
  /** turns the command's output into the text compared with `expected` */
  summarise: (stdout: string) => string;
  expected: string;
  what: string;
}

// What the administrator does around `apt-get install` of the cinder .debs on this init system.
export interface PackageSetup {
  /** commands run before installing (e.g. a dpkg diversion of the packaged LSB script) */
  before: (service: string) => string[];
  /** true: the row's generator target's files for the service are installed before the packages */
  installsGeneratedFiles: boolean;
  /** commands run once those files are in place, before installing (e.g. handing them to the supervisor) */
  ready: (service: string) => string[];
  /** commands run after installing (e.g. enabling the service directory) */
  after: (service: string) => string[];
}

// Everything about booting and using one init system that does not depend on the Debian suite.
export interface InitProfile {
  /** the init system's name, for messages */
  init: string;
  /** the generator target (generators/registry.ts) whose files this init system runs */
  target: string;
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
  /** shell commands that register and start a service whose generated files are installed */
  enableAndStart: (service: string) => string;
  /** the init system's own command that starts an installed, enabled `service` */
  startCommand: (service: string) => string;
  /** the init system's own command that stops `service` and returns once it has exited */
  stopCommand: (service: string) => string;
  /** how the init system shows that the service exited cleanly after a stop; undefined: the stop's exit code is all */
  cleanExit?: CleanExitCheck;
  packageSetup: PackageSetup;
}

// `tail` of each of the service's log files, for evidence.
export function logTails(files: readonly string[]): string[] {
  return files.map((file) => `tail -n 100 ${file}`);
}

// The synchronous reload client itself: waits, and says why it failed on its output.
export function synchronousClient(service: ServiceUnderTest): ReloadCommand {
  return { command: service.reloadClient, waits: true, trigger: 'control-socket', failure: { exitsNonZero: true } };
}
