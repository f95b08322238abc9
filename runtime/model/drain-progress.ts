// The words and the pace of drain progress: the same line goes to systemd's STATUS= and to the reload
// client, so an operator sees one thing wherever they look.
import type { DrainProgressEvent } from './events.js';

/** How often a waiting reload reports progress (and, under systemd, extends its timeout): every 5 s. */
export const DRAIN_PROGRESS_INTERVAL_MS = 5000;

/**
 * "draining volume:backend_a: 3 operations, 42 s of 60 left" (phase drain) or "waiting for replaced
 * drivers to finish: volume:backend_a generation 1: 3 operations, 12 s so far" (phase retire).
 */
export function describeDrainProgress(event: DrainProgressEvent): string {
  const drivers = event.drivers.length > 0
    ? event.drivers.map((d) => `${event.phase === 'retire' ? `${d.driver} generation ${d.generation}` : d.driver}: ${d.inFlight} operation${d.inFlight === 1 ? '' : 's'}`).join(', ')
    : 'no operations left';
  if (event.phase === 'retire') return `waiting for replaced drivers to finish: ${drivers}, ${event.elapsedSeconds} s so far`;
  return `draining ${drivers}, ${event.remainingSeconds ?? 0} s of ${event.budgetSeconds ?? 0} left`;
}

/**
 * How long systemd should wait from now (EXTEND_TIMEOUT_USEC=): what is left of the drain budget plus two
 * intervals; for a retire wait (no budget), three intervals, renewed at every report while work remains.
 */
export function extendTimeoutSeconds(event: DrainProgressEvent): number {
  const margin = (2 * DRAIN_PROGRESS_INTERVAL_MS) / 1000;
  return event.phase === 'drain' ? (event.remainingSeconds ?? 0) + margin : margin + DRAIN_PROGRESS_INTERVAL_MS / 1000;
}
