// The two ways to send an sd_notify datagram from Node, which has no unix datagram sockets of its own:
// the optional `unix-dgram` native addon (sends from this process), or running `systemd-notify`
// (sends from the child's PID, so the unit needs NotifyAccess=all unless the service runs as root).
// See docs/notifications.md for the trade-off.
import { spawn } from 'node:child_process';

/** Sends one notification message (newline-separated assignments) to NOTIFY_SOCKET. */
export interface NotifyTransport {
  kind: 'unix-dgram' | 'systemd-notify';
  send(message: string): Promise<void>;
}

/** The subset of the unix-dgram addon used here (it ships no type declarations). */
interface UnixDgramModule {
  createSocket(type: 'unix_dgram'): UnixDgramSocket;
}
interface UnixDgramSocket {
  on(event: 'error', listener: (error: Error) => void): unknown;
  send(buf: Buffer, offset: number, length: number, path: string, callback: (error?: Error) => void): void;
  close(): void;
}

/** The addon's package name; a variable so TypeScript does not try to resolve it at build time. */
const ADDON_NAME = 'unix-dgram';

/** Loads the addon transport; undefined when the addon is not installed or cannot reach `socketPath`. */
export async function loadAddonTransport(socketPath: string): Promise<NotifyTransport | undefined> {
  // The addon copies the path with strncpy, so abstract sockets (`@name`) cannot be addressed through it.
  if (socketPath.startsWith('@')) return undefined;
  let addon: UnixDgramModule;
  try {
    const loaded = (await import(ADDON_NAME)) as Partial<UnixDgramModule> & { default?: UnixDgramModule };
    const candidate = typeof loaded.createSocket === 'function' ? (loaded as UnixDgramModule) : loaded.default;
    if (candidate === undefined || typeof candidate.createSocket !== 'function') return undefined;
    addon = candidate;
  } catch {
    return undefined;
  }
  return { kind: 'unix-dgram', send: (message) => sendWithAddon(addon, socketPath, message) };
}

/** Sends one datagram through a short-lived addon socket (a held socket would keep the event loop alive). */
function sendWithAddon(addon: UnixDgramModule, socketPath: string, message: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (cause: Error): void =>
      reject(new Error(`cannot send "${oneLine(message)}" to NOTIFY_SOCKET ${socketPath}: ${cause.message}`, { cause }));
    let socket: UnixDgramSocket;
    try {
      socket = addon.createSocket('unix_dgram');
    } catch (cause) {
      fail(cause as Error);
      return;
    }
    socket.on('error', fail);
    const buffer = Buffer.from(message, 'utf8');
    socket.send(buffer, 0, buffer.length, socketPath, (error) => {
      socket.close();
      if (error) fail(error);
      else resolve();
    });
  });
}

/** Creates the transport that runs `systemd-notify --pid=<pid> ASSIGNMENT…` (blocking mode: it waits for systemd's barrier). */
export function createCommandTransport(socketPath: string, pid: number, command = 'systemd-notify'): NotifyTransport {
  return {
    kind: 'systemd-notify',
    send(message: string): Promise<void> {
      const args = [`--pid=${pid}`, ...message.split('\n')];
      return runNotifyCommand(command, args, socketPath, message);
    },
  };
}

/** Runs the command and resolves when it exits 0; the error names the command, its exit code and stderr. */
function runNotifyCommand(command: string, args: string[], socketPath: string, message: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, NOTIFY_SOCKET: socketPath },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const what = `cannot send "${oneLine(message)}" to NOTIFY_SOCKET ${socketPath} with ${command}`;
    child.on('error', (cause: NodeJS.ErrnoException) => {
      const reason = cause.code === 'ENOENT' ? `${command} is not installed (not found in PATH)` : cause.message;
      reject(new Error(`${what}: ${reason}`, { cause }));
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${what}: exited with ${code ?? signal}${stderr ? `: ${stderr.trim()}` : ''}`));
    });
  });
}

/** Shows a message on one line in error texts. */
function oneLine(message: string): string {
  return message.replace(/\n/g, '\\n');
}
