// ReloadStop: the reason a reload ends without switching, with the outcome it reports.
import type { ReloadOutcome } from '../model/events.js';

/** A reload that ends without switching: `failed` or `aborted`, with the reason. */
export class ReloadStop extends Error {
  constructor(readonly outcome: Exclude<ReloadOutcome, 'succeeded'>, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReloadStop';
  }
}
