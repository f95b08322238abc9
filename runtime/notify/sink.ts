// The interface every notification destination implements (JSON log, JSON-lines file, sd_notify, …).
import type { RuntimeEvent } from '../model/events.js';

/**
 * A destination for runtime events. `deliver` is called once per event, in order (the next call waits
 * for the previous one to settle); a throw or rejection is reported on stderr and never stops the
 * runtime. `close` is called once when the runtime has stopped.
 */
export interface NotificationSink {
  name: string;
  deliver(event: RuntimeEvent): void | Promise<void>;
  close?(): Promise<void>;
}
