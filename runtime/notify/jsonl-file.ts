// Notification sink that appends one JSON object per line to the `notification_file`.
// The file is opened for every write (never held open), so logrotate may move it at any time, and it
// is created with mode 0640. A write error is reported through `onError` and never thrown: a full disk
// or a missing directory must not take a running service down.
import { appendFile } from 'node:fs/promises';
import type { RuntimeEvent } from '../model/events.js';
import type { NotificationSink } from './sink.js';

/** Mode of a notification file created by the sink (the process umask may remove bits, as for any file). */
export const NOTIFICATION_FILE_MODE = 0o640;

/** Where to write and whom to tell when writing fails. */
export interface JsonlFileSinkOptions {
  /** Read on every event, so a reload that changes `notification_file` takes effect at once; undefined = off. */
  path: () => string | undefined;
  /** Receives an error that names the file; default: one JSON error line on stderr. */
  onError?: (error: Error) => void;
}

/** Creates the sink; events are written in the order they are delivered. */
export function createJsonlFileSink(options: JsonlFileSinkOptions): NotificationSink {
  const onError = options.onError ?? logWriteError;
  let queue: Promise<void> = Promise.resolve();
  return {
    name: 'notification-file',
    deliver(event: RuntimeEvent): Promise<void> {
      // drain.progress is a heartbeat for systemd and the reload client, not a notification: not written here.
      if (event.event === 'drain.progress') return queue;
      const path = options.path();
      if (path === undefined || path === '') return queue;
      queue = queue.then(() => appendEvent(path, event).catch(onError));
      return queue;
    },
    close(): Promise<void> {
      return queue;
    },
  };
}

/** Appends one event to `path`, creating the file with mode 0640 when it does not exist. */
export async function appendEvent(path: string, event: RuntimeEvent): Promise<void> {
  const line = JSON.stringify(event) + '\n';
  try {
    await appendFile(path, line, { mode: NOTIFICATION_FILE_MODE, flag: 'a' });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`cannot write ${event.event} to notification_file ${path}: ${reason}`, { cause });
  }
}

/** Logs a failed write as one JSON line on stderr. */
function logWriteError(error: Error): void {
  process.stderr.write(JSON.stringify({ level: 'error', msg: 'notification_file', error: error.message }) + '\n');
}
