// Notification sink that writes one JSON line per runtime event to stderr (or any writable stream).
import type { RuntimeEvent } from '../model/events.js';
import type { NotificationSink } from './sink.js';

/** The minimal stream the JSON log writes to (process.stderr by default). */
export interface LineWriter {
  write(chunk: string): unknown;
}

/** The log level of an event: failed and aborted reloads are errors, everything else is info. */
export function levelOf(event: RuntimeEvent): 'info' | 'error' {
  return event.event === 'reload.end' && event.outcome !== 'succeeded' ? 'error' : 'info';
}

/** Formats one event as the JSON log line `{"level":…,"msg":"reload.end",…event}` (with the newline). */
export function formatJsonLogLine(event: RuntimeEvent): string {
  return JSON.stringify({ level: levelOf(event), msg: event.event, ...event }) + '\n';
}

/** Creates the sink that logs every event as one JSON line. */
export function createJsonLogSink(stream: LineWriter = process.stderr): NotificationSink {
  return {
    name: 'json-log',
    deliver(event: RuntimeEvent): void {
      stream.write(formatJsonLogLine(event));
    },
  };
}
