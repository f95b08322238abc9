// The control socket client behind `<svc> reload` and `<svc> status`: sends one request, reports
// progress lines as they arrive and resolves with the result line.
import { connect } from 'node:net';
import { ControlProtocolError, createLineSplitter, encodeLine, parseMessage, type ControlRequest, type ProgressMessage, type ResultMessage } from './protocol.js';

/** No service listens on the control socket (file missing or nobody accepting). */
export class ServiceNotRunningError extends Error {
  constructor(readonly path: string, reason: string, options?: { cause?: unknown }) {
    super(`the service is not running: ${reason} (control socket ${path})`, options);
    this.name = 'ServiceNotRunningError';
  }
}

/** The service did not answer in time. */
export class ControlTimeoutError extends Error {
  constructor(readonly path: string, readonly timeoutMs: number) {
    super(`no answer on control socket ${path} within ${timeoutMs / 1000} s; the service may still finish the request`);
    this.name = 'ControlTimeoutError';
  }
}

/** How to send a request. */
export interface ControlRequestOptions {
  /** Give up after this many milliseconds (default: wait as long as it takes). */
  timeoutMs?: number;
  /** Called with each progress line as it arrives. */
  onProgress?: (progress: ProgressMessage) => void;
}

/** Sends `request` to the service at `path` and resolves with its result line. */
export function sendControlRequest(path: string, request: ControlRequest, options: ControlRequestOptions = {}): Promise<ResultMessage> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      outcome();
    };
    const timer = options.timeoutMs === undefined ? undefined
      : setTimeout(() => settle(() => reject(new ControlTimeoutError(path, options.timeoutMs ?? 0))), options.timeoutMs);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(encodeLine(request)));
    const split = createLineSplitter((line) => {
      const message = parseMessage(line);
      if (message.type === 'progress') options.onProgress?.(message);
      else settle(() => resolve(message));
    });
    socket.on('data', (chunk: string) => {
      try {
        split(chunk);
      } catch (error) {
        settle(() => reject(error));
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => settle(() => reject(describeConnectError(path, error))));
    socket.on('close', () =>
      settle(() => reject(new ControlProtocolError(`the service closed control socket ${path} without a result (did it stop?)`))),
    );
  });
}

/** Turns a socket error into the error a user can act on. */
function describeConnectError(path: string, error: NodeJS.ErrnoException): Error {
  if (error.code === 'ENOENT') return new ServiceNotRunningError(path, 'the socket file does not exist', { cause: error });
  if (error.code === 'ECONNREFUSED') return new ServiceNotRunningError(path, 'nothing accepts connections on it', { cause: error });
  if (error.code === 'EACCES') {
    return new Error(`permission denied on control socket ${path}: run as root or as a member of the service's group`, { cause: error });
  }
  return new Error(`cannot talk to the service on control socket ${path}: ${error.message}`, { cause: error });
}
