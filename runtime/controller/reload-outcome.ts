// Every reload.start and reload.end the runtime emits is built here: succeeded, failed, aborted, refused.
import { ConfigError } from '../config/errors.js';
import type { ConfigDiff } from '../config/diff.js';
import { messageOf } from '../model/message-of.js';
import type { EventError, EventWarning, ReloadEndEvent, ReloadStartEvent, ReloadTrigger } from '../model/events.js';
import { ReloadStop } from './reload-stop.js';

/** What one reload produced for its callers: its end event, and when the generations it replaced have all retired. */
export interface ReloadResult {
  end: ReloadEndEvent;
  drained: Promise<void>;
}

/** The fields every event of one reload carries, and when it began (a performance.now() value). */
export interface ReloadIdentity {
  service: string;
  pid: number;
  id: number;
  trigger: ReloadTrigger;
  startedAt: number;
}

/** Names reload `id` of `service`, started now. */
export function identifyReload(service: string, id: number, trigger: ReloadTrigger): ReloadIdentity {
  return { service, pid: process.pid, id, trigger, startedAt: performance.now() };
}

/** reload.start, emitted before anything is read; `warnings` are the running configuration's. */
export function reloadStarted(who: ReloadIdentity, warnings: readonly EventWarning[] = []): ReloadStartEvent {
  return { event: 'reload.start', ...fieldsOf(who), time: new Date().toISOString(), warnings: [...warnings] };
}

/** The switch happened: what took effect, what needs a restart, which drivers were rebuilt, what was ignored. */
export function reloadSucceeded(who: ReloadIdentity, diff: ConfigDiff, reinitialised: readonly string[]): ReloadEndEvent {
  return endOf(who, 'succeeded', {
    changed: diff.changed, restartRequired: diff.restartRequired, reinitialised: [...reinitialised],
    warnings: [...diff.applied.warnings],
  });
}

/**
 * The reload ended without switching: `aborted` when a ReloadStop says so, `failed` otherwise. The error
 * keeps the location of a ConfigError it is or wraps; `restartRequired` is known once the files were diffed.
 */
export function reloadStopped(
  who: ReloadIdentity, error: unknown, restartRequired: readonly string[] = [], warnings: readonly EventWarning[] = [],
): ReloadEndEvent {
  const outcome = error instanceof ReloadStop ? error.outcome : 'failed';
  return endOf(who, outcome, { restartRequired: [...restartRequired], error: toEventError(error), warnings: [...warnings] });
}

/** A bug in the transaction itself: reported as a failed reload that changed nothing. */
export function reloadFailedInternally(who: ReloadIdentity, error: unknown): ReloadEndEvent {
  return { ...endOf(who, 'failed', { error: { message: `internal error during reload: ${messageOf(error)}` } }), durationMs: 0 };
}

/** A reload asked for while stopping (also a queued one): `failed`, never run. */
export function reloadRefused(who: ReloadIdentity): ReloadEndEvent {
  return { ...endOf(who, 'failed', { error: { message: `service ${who.service} is stopping; the reload did not run` } }), durationMs: 0 };
}

/** The shared shape of every reload.end. */
function endOf(who: ReloadIdentity, outcome: ReloadEndEvent['outcome'], details: Partial<ReloadEndEvent>): ReloadEndEvent {
  return {
    event: 'reload.end', ...fieldsOf(who), time: new Date().toISOString(), outcome,
    changed: [], restartRequired: [], reinitialised: [], durationMs: Math.round(performance.now() - who.startedAt), warnings: [], ...details,
  };
}

/** The identity as event fields (without the start time, which events give as durationMs). */
function fieldsOf(who: ReloadIdentity): Pick<ReloadEndEvent, 'service' | 'pid' | 'id' | 'trigger'> {
  return { service: who.service, pid: who.pid, id: who.id, trigger: who.trigger };
}

/** The event form of a failure: its own message, plus the location of a ConfigError it is or wraps. */
function toEventError(error: unknown): EventError {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof ConfigError) return { ...cause.toEventError(), message: messageOf(error) };
  }
  return { message: messageOf(error) };
}
