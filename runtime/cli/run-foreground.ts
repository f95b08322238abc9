// `<svc> [run]`: starts the service in the foreground and wires signals, the control socket and the
// notification sinks. Order matters: SIGHUP is handled before READY=1 is sent (systemd ≥ 262 fails a
// notify-reload service that announces readiness before it catches its reload signal).
import { serveRuntime } from '../control/serve-runtime.js';
import type { ControlServer } from '../control/server.js';
import { createRuntime } from '../create-runtime.js';
import type { Service } from '../define-service.js';
import { startMetricsListener, type MetricsListener } from '../metrics/metrics-listener.js';
import { createJsonlFileSink } from '../notify/jsonl-file.js';
import { createOsloMessagingSink } from '../notify/oslo-messaging-sink.js';
import { createReadyFdNotifier } from '../notify/ready-fd.js';
import { createSdNotifySink } from '../notify/sd-notify.js';
import type { NotificationSink } from '../notify/sink.js';
import type { Runtime } from '../runtime-api.js';
import type { ParsedCommand } from './arguments.js';
import { EXIT } from './exit-codes.js';
import { openServiceLog } from './service-log.js';

/** Runs the service until SIGTERM/SIGINT; resolves with the process exit code. */
export async function runForeground(service: Service, command: ParsedCommand): Promise<number> {
  process.title = service.name;
  let serviceLog: ReturnType<typeof openServiceLog>;
  try {
    serviceLog = openServiceLog(service.name, command.logging);
    log = serviceLog;
  } catch (error) {
    process.stderr.write(`${service.name}: cannot start: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
  let rt: Runtime | undefined;
  let hupDuringStartup = false;
  const reloadOnHup = (): void => {
    if (rt === undefined) hupDuringStartup = true;
    // Coalesced by the runtime; the outcome goes to the sinks. A rejection (e.g. while stopping) is only logged.
    else rt.reload({ trigger: 'SIGHUP' }).catch((error: Error) => logLine({ level: 'error', msg: 'SIGHUP reload', error: error.message }));
  };
  process.on('SIGHUP', reloadOnHup);
  // Installed first too: a stop asked for during start-up is honoured once start-up is over.
  const stopped = waitForStopSignal();

  const sd = createSdNotifySink();
  const readyFd = createReadyFdNotifier();
  const bus = createOsloMessagingSink({ config: () => rt?.config, service: service.name, log: logLine });
  const sinks: NotificationSink[] = [
    serviceLog.sink,
    createJsonlFileSink({ path: () => rt?.config.get('DEFAULT', 'notification_file') as string | undefined }),
    bus,
    ...(sd ? [sd] : []),
  ];
  try {
    rt = await createRuntime(service, { configSources: command.configSources, commandLine: command.logging.debug ? { debug: 'true' } : undefined, sinks });
  } catch (error) {
    // No READY=1: the exit code tells the init system that start-up failed.
    process.stderr.write(`${service.name}: cannot start: ${(error as Error).message}\n`);
    return EXIT.failed;
  }
  const runtime = rt;
  try {
    await bus.check();
  } catch (error) {
    process.stderr.write(`${service.name}: cannot start: ${(error as Error).message}\n`);
    await runtime.stop();
    return EXIT.failed;
  }

  let control: ControlServer;
  try {
    control = await serveRuntime(runtime);
  } catch (error) {
    process.stderr.write(`${service.name}: cannot start: ${(error as Error).message}\n`);
    await runtime.stop();
    return EXIT.failed;
  }

  let metrics: MetricsListener;
  try {
    metrics = await startMetricsListener(runtime, logLine);
  } catch (error) {
    process.stderr.write(`${service.name}: cannot start: ${(error as Error).message}\n`);
    await control.close();
    await runtime.stop();
    return EXIT.failed;
  }

  await sd?.ready(`${service.name} ready`);
  readyFd?.ready();
  logLine({ level: 'info', msg: 'ready', service: service.name, pid: process.pid, controlSocket: control.path, metrics: metrics.address() });
  if (hupDuringStartup) reloadOnHup();

  const signal = await stopped;
  logLine({ level: 'info', msg: 'stopping', service: service.name, signal });
  await sd?.stopping();
  const result = await runtime.stop();
  await control.close();
  await metrics.close();
  process.removeListener('SIGHUP', reloadOnHup);
  if (result.exitCode !== 0) {
    process.stderr.write(`${service.name}: graceful_shutdown_timeout ran out with ${result.unfinished} operation(s) still running\n`);
  }
  return result.exitCode;
}

/** Resolves with the first SIGTERM or SIGINT; a second one is logged (the drain is already bounded). */
function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (received !== undefined) {
        logLine({ level: 'info', msg: `${signal} ignored: already stopping (bounded by graceful_shutdown_timeout)` });
        return;
      }
      received = signal;
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

/** Where logLine writes: stderr until runForeground opens the service's log (--log-file, --use-syslog, …). */
let log: { write: (line: string) => unknown; sink: NotificationSink } | undefined;

/** Writes one JSON log line to the service's log. */
function logLine(fields: Record<string, unknown>): void {
  (log ?? process.stderr).write(JSON.stringify(fields) + '\n');
}
