// Exit codes of the service command line (docs/runtime-api.md, "Command line"); LSB-compatible.

/** Exit codes, by meaning. */
export const EXIT = {
  ok: 0,
  /** Start-up failed, reload failed/aborted/timed out, configuration invalid. */
  failed: 1,
  usage: 2,
  /** `status`: the service is not running (LSB status code 3). */
  statusNotRunning: 3,
  /** `reload`: the service is not running (LSB action code 7). */
  reloadNotRunning: 7,
} as const;
