// Notification sink that tells systemd about readiness and reloads through NOTIFY_SOCKET (sd_notify):
// READY=1 after start-up, RELOADING=1 + MONOTONIC_USEC= at reload.start, READY=1 + STATUS= at every
// reload.end (also a failed one, or `systemctl reload` would hang), STOPPING=1 on stop; while a reload
// waits for a drain, EXTEND_TIMEOUT_USEC= + STATUS= at every drain.progress, so a drain longer than
// TimeoutStartSec= is not killed while it still makes progress within its budget.
import { describeDrainProgress, extendTimeoutSeconds } from '../model/drain-progress.js';
import type { DrainProgressEvent, ReloadEndEvent, RuntimeEvent } from '../model/events.js';
import type { NotificationSink } from './sink.js';
import { createCommandTransport, loadAddonTransport, type NotifyTransport } from './sd-notify-transport.js';

/** Which transport to use: `auto` tries the unix-dgram addon and falls back to systemd-notify. */
export type NotifyTransportChoice = 'auto' | 'unix-dgram' | 'systemd-notify';

/** Options of the sd_notify sink; all default to the process's own values. */
export interface SdNotifyOptions {
  env?: NodeJS.ProcessEnv;
  transport?: NotifyTransportChoice;
  pid?: number;
  /** Receives send failures; default: one JSON error line on stderr. A failure is never thrown. */
  onError?: (error: Error) => void;
}

/** The sd_notify sink plus the two notifications that are not runtime events. */
export interface SdNotifier extends NotificationSink {
  /** The transport in use, known after the first message ('unix-dgram' or 'systemd-notify'). */
  transport(): Promise<NotifyTransport['kind']>;
  /** READY=1 with a STATUS= line; call after the SIGHUP handler is installed. */
  ready(status?: string): Promise<void>;
  /** STOPPING=1 at the start of shutdown. */
  stopping(): Promise<void>;
}

/** Current CLOCK_MONOTONIC in microseconds (process.hrtime is CLOCK_MONOTONIC on Linux). */
export function monotonicMicroseconds(): bigint {
  return process.hrtime.bigint() / 1000n;
}

/** The message sent at reload.start. */
export function formatReloadingMessage(monotonicUsec: bigint): string {
  return `RELOADING=1\nMONOTONIC_USEC=${monotonicUsec}`;
}

/** The STATUS= text for a finished reload: outcome plus what changed or why it failed. */
export function formatReloadStatus(event: ReloadEndEvent): string {
  const head = `reload ${event.id} ${event.outcome}`;
  if (event.outcome !== 'succeeded') return `${head}: ${oneLine(event.error?.message ?? 'no reason given')}`;
  const restart = event.restartRequired.length > 0 ? `; restart required for ${event.restartRequired.join(', ')}` : '';
  return `${head}: ${event.changed.length} option(s) changed, ${event.reinitialised.length} driver(s) re-initialised${restart}`;
}

/** The message sent at reload.end, whatever the outcome. */
export function formatReloadEndMessage(event: ReloadEndEvent): string {
  return `READY=1\nSTATUS=${formatReloadStatus(event)}`;
}

/** The message sent at drain.progress: more time from systemd, and the progress as the status line. */
export function formatDrainProgressMessage(event: DrainProgressEvent): string {
  return `EXTEND_TIMEOUT_USEC=${extendTimeoutSeconds(event) * 1_000_000}\nSTATUS=${oneLine(describeDrainProgress(event))}`;
}

/** Creates the sd_notify sink, or returns undefined when NOTIFY_SOCKET is not set (not run by systemd). */
export function createSdNotifySink(options: SdNotifyOptions = {}): SdNotifier | undefined {
  const env = options.env ?? process.env;
  const socketPath = env['NOTIFY_SOCKET'];
  if (socketPath === undefined || socketPath === '') return undefined;
  const pid = options.pid ?? process.pid;
  const onError = options.onError ?? logNotifyError;
  const choice = options.transport ?? readTransportChoice(env, onError);
  let transport: Promise<NotifyTransport> | undefined;
  let queue: Promise<void> = Promise.resolve();

  const pickTransport = (): Promise<NotifyTransport> =>
    (transport ??= selectTransport(choice, socketPath, pid));
  const send = (message: string): Promise<void> => {
    queue = queue.then(async () => (await pickTransport()).send(message)).catch(onError);
    return queue;
  };

  return {
    name: 'sd_notify',
    deliver(event: RuntimeEvent): Promise<void> {
      if (event.event === 'reload.start') return send(formatReloadingMessage(monotonicMicroseconds()));
      if (event.event === 'reload.end') return send(formatReloadEndMessage(event));
      if (event.event === 'drain.progress') return send(formatDrainProgressMessage(event));
      return queue;
    },
    transport: async () => (await pickTransport()).kind,
    ready: (status = 'ready') => send(`READY=1\nSTATUS=${oneLine(status)}`),
    stopping: () => send('STOPPING=1'),
    close: () => queue,
  };
}

/** Environment variable that forces a transport (`auto`, `unix-dgram`, `systemd-notify`), e.g. when the addon misbehaves. */
export const TRANSPORT_VARIABLE = 'RELOADKIT_SD_NOTIFY';

/** Reads RELOADKIT_SD_NOTIFY; an unknown value is reported and `auto` is used. */
function readTransportChoice(env: NodeJS.ProcessEnv, onError: (error: Error) => void): NotifyTransportChoice {
  const value = env[TRANSPORT_VARIABLE];
  if (value === undefined || value === '') return 'auto';
  if (value === 'auto' || value === 'unix-dgram' || value === 'systemd-notify') return value;
  onError(new Error(`${TRANSPORT_VARIABLE}: expected auto, unix-dgram or systemd-notify, got ${JSON.stringify(value)}; using auto`));
  return 'auto';
}

/** Resolves the transport choice; `unix-dgram` without a loadable addon is an error that says so. */
async function selectTransport(choice: NotifyTransportChoice, socketPath: string, pid: number): Promise<NotifyTransport> {
  if (choice === 'systemd-notify') return createCommandTransport(socketPath, pid);
  const addon = await loadAddonTransport(socketPath);
  if (addon !== undefined) return addon;
  if (choice === 'unix-dgram') {
    throw new Error(`sd_notify transport unix-dgram requested, but the unix-dgram addon cannot be loaded (or NOTIFY_SOCKET ${socketPath} is abstract)`);
  }
  return createCommandTransport(socketPath, pid);
}

/** STATUS= must stay on one line: the message is newline-separated. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** Logs a failed notification as one JSON line on stderr. */
function logNotifyError(error: Error): void {
  process.stderr.write(JSON.stringify({ level: 'error', msg: 'sd_notify', error: error.message }) + '\n');
}
