// Human-readable lines for runtime events: the reload client's progress and outcome lines, also sent by
// the control socket beside each structured progress event (for clients older than the event).
import { describeDrainProgress } from './drain-progress.js';
import type { ReloadEndEvent, RuntimeEvent } from './events.js';

/** One progress line for an event seen while a reload request waits. */
export function describeProgress(event: RuntimeEvent): string {
  if (event.event === 'reload.start') return `reload ${event.id} started (trigger: ${event.trigger})`;
  if (event.event === 'drain.progress') return describeDrainProgress(event);
  if (event.event === 'driver.retired') {
    return `driver ${event.driver} generation ${event.generation} retired after finishing ${event.operationsFinished} operation(s)`;
  }
  return `reload ${event.id} ${event.outcome}`;
}

/** The outcome line printed by `reload`: what changed on success, the reason otherwise. */
export function describeOutcome(event: ReloadEndEvent): string {
  const head = `reload ${event.id} ${event.outcome} in ${event.durationMs} ms`;
  if (event.outcome !== 'succeeded') {
    return `${head}: ${event.error?.message ?? 'no reason given'}\nthe service keeps running with its previous configuration${describeWarnings(event)}`;
  }
  const parts = [
    `changed: ${event.changed.length > 0 ? event.changed.join(', ') : 'nothing'}`,
    `re-initialised: ${event.reinitialised.length > 0 ? event.reinitialised.join(', ') : 'none'}`,
  ];
  if (event.restartRequired.length > 0) parts.push(`NOT applied, restart required: ${event.restartRequired.join(', ')}`);
  return `${head}; ${parts.join('; ')}${describeWarnings(event)}`;
}

/** One `warning:` line per unknown name the reload's configuration holds (each starts on a new line). */
function describeWarnings(event: ReloadEndEvent): string {
  return (event.warnings ?? []).map((warning) => `\nwarning: ${warning.message}`).join('');
}
