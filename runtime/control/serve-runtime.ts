// serveRuntime: the control socket of a runtime — `<svc> reload` and `<svc> status` reach it here.
// runForeground uses it; a service that embeds createRuntime itself calls it to get the same socket.
import type { Runtime } from '../runtime-api.js';
import type { RuntimeEvent } from '../model/events.js';
import { startControlServer, type ControlServer } from './server.js';
import type { ControlLimits } from './connection-limits.js';

/** Where and how to listen. */
export interface ServeRuntimeOptions {
  /** Socket path; default: the running configuration's `[DEFAULT] control_socket`. */
  path?: string;
  /** Request and connection bounds (docs/control-socket.md); default DEFAULT_CONTROL_LIMITS. */
  limits?: ControlLimits;
}

/** Starts the control socket of `rt`: reload requests run rt.reload with its events as progress; status is rt.status(). */
export function serveRuntime(rt: Runtime, options: ServeRuntimeOptions = {}): Promise<ControlServer> {
  const path = options.path ?? (rt.config.get('DEFAULT', 'control_socket') as string);
  return startControlServer(path, {
    reload: ({ waitDrained, onProgress }) => reloadWithProgress(rt, waitDrained, onProgress),
    status: () => rt.status(),
  }, options.limits);
}

/** A reload asked for over the control socket, with every event before its reload.end passed on as progress. */
async function reloadWithProgress(rt: Runtime, waitDrained: boolean, onProgress: (event: RuntimeEvent) => void) {
  const unsubscribe = rt.on('*', (event) => {
    if (event.event !== 'reload.end') onProgress(event);
  });
  try {
    return await rt.reload({ trigger: 'control-socket', waitDrained });
  } finally {
    unsubscribe();
  }
}
