// The `--help` text of a service built on the runtime.

/** Formats the help text for service `name`. */
export function formatUsage(name: string, defaultConfigFiles: readonly string[]): string {
  const defaults = defaultConfigFiles.length > 0 ? defaultConfigFiles.join(', ') : 'none';
  return `Usage:
  ${name} [run] [--config-file FILE]... [--config-dir DIR]...
      run in the foreground; SIGHUP reloads, SIGTERM/SIGINT stop after draining
      oslo.log options: [--log-file FILE] [--log-dir DIR] [--debug] [--use-syslog] [--use-journal]
      (a log file is reopened at every reload)
  ${name} reload [--config-file FILE]... [--control-socket PATH] [--timeout SEC] [--wait-drained]
      ask the running service to reload and wait for the outcome
      exit 0 succeeded, 1 failed/aborted/timed out, 2 usage, 7 not running
  ${name} check-config [--config-file FILE]... [--config-dir DIR]... [--strict]
      validate the configuration without a running service; exit 0 valid, 1 invalid, 2 usage
      unknown sections and options are warnings; --strict makes them errors
  ${name} status [--config-file FILE]... [--control-socket PATH] [--timeout SEC]
      print the running service's state as JSON; exit 0 running, 3 not running
  ${name} --help | --version

Files are read as oslo.config reads them: the default files (unless --config-file is given), their
.d directories (unless --config-dir is given), then every --config-file and --config-dir (DIR/*.conf,
hidden files skipped, byte order) in command-line order; the last value read wins.
Default configuration files: ${defaults}.
reload and status find the control socket from --control-socket, else from control_socket in the
configuration files (read leniently, so that a broken file still reaches the service, which reports it).
`;
}
