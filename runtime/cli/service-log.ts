// Where a running service's JSON log lines go, from oslo.log's command-line options: stderr by default;
// --log-file/--log-dir a file reopened at every reload (logrotate's `postrotate … reload`); --use-syslog
// through logger(1); --use-journal to the journal (stderr when it already is the journal, else systemd-cat).
import { spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeEvent } from '../model/events.js';
import { createJsonLogSink, type LineWriter } from '../notify/json-log.js';
import type { NotificationSink } from '../notify/sink.js';
import type { LoggingOptions } from './arguments.js';

/** The log of one service process: a line writer, the sink for runtime events, and how to close it. */
export interface ServiceLog extends LineWriter {
  sink: NotificationSink;
  /** Where the lines go, for messages ("stderr", a path, "syslog", "journal"). */
  destination: string;
}

/** oslo.log's _get_log_file_path: log_dir/log_file, log_file, or log_dir/<binary>.log; undefined: no file. */
export function logFilePath(serviceName: string, logging: Pick<LoggingOptions, 'logFile' | 'logDir'>): string | undefined {
  if (logging.logFile && logging.logDir) return join(logging.logDir, logging.logFile);
  if (logging.logFile) return logging.logFile;
  if (logging.logDir) return join(logging.logDir, `${serviceName}.log`);
  return undefined;
}

/** Opens the service's log; throws (naming the file or the tool) when it cannot be opened. */
export function openServiceLog(serviceName: string, logging: LoggingOptions): ServiceLog {
  const path = logFilePath(serviceName, logging);
  if (path !== undefined) return withSink(new ReopenedFile(path), path);
  if (logging.useSyslog) return withSink(pipeTo('logger', ['-t', serviceName, `--id=${process.pid}`]), 'syslog');
  if (logging.useJournal && !process.env['JOURNAL_STREAM']) return withSink(pipeTo('systemd-cat', ['-t', serviceName]), 'journal');
  return withSink({ write: (line) => process.stderr.write(line) }, logging.useJournal ? 'journal' : 'stderr');
}

/** A writer plus the runtime-event sink on it; a file is reopened before each reload.start is written. */
function withSink(writer: LineWriter & { reopen?: () => void; close?: () => void }, destination: string): ServiceLog {
  const inner = createJsonLogSink(writer);
  return {
    destination,
    write: (line) => writer.write(line),
    sink: {
      name: 'json-log',
      deliver(event: RuntimeEvent) {
        if (event.event === 'reload.start') writer.reopen?.();
        return inner.deliver(event);
      },
      async close() {
        writer.close?.();
      },
    },
  };
}

/** A file appended to; `reopen` switches to whatever file is at the path now (after logrotate moved it). */
export class ReopenedFile implements LineWriter {
  private fd: number;

  constructor(readonly path: string) {
    this.fd = openLogFile(path);
  }

  write(line: string): void {
    writeSync(this.fd, line);
  }

  /** Opens the path again; on failure keeps writing to the old file and says so on stderr. */
  reopen(): void {
    let next: number;
    try {
      next = openLogFile(this.path);
    } catch (error) {
      process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'log file', error: (error as Error).message })}\n`);
      return;
    }
    closeSync(this.fd);
    this.fd = next;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** open(2) for appending, mode 0640; the error names the file. */
function openLogFile(path: string): number {
  try {
    return openSync(path, 'a', 0o640);
  } catch (cause) {
    throw new Error(`cannot open the log file ${path} (--log-file/--log-dir): ${(cause as Error).message}`, { cause });
  }
}

/** Lines written to a helper's stdin (logger, systemd-cat); a missing helper is reported once on stderr. */
function pipeTo(command: string, args: string[]): LineWriter & { close: () => void } {
  const child = spawn(command, args, { stdio: ['pipe', 'ignore', 'inherit'] });
  child.on('error', (error) => process.stderr.write(`${JSON.stringify({ level: 'error', msg: `${command} (log destination)`, error: error.message })}\n`));
  child.stdin.on('error', () => undefined);
  child.unref();
  return { write: (line) => child.stdin.write(line), close: () => child.stdin.end() };
}
