// oslo.messaging's transport URL (`rabbit://user:pass@host:5672,user:pass@host2:5672/vhost`), read the way
// oslo_messaging.TransportURL.parse reads it, as the value type of `transport_url`; and its redaction.
import type { OptionType, ParseResult } from './option-types.js';

/** One broker of a transport URL; unset parts are undefined (the driver supplies its defaults). */
export interface TransportHost {
  hostname?: string;
  port?: number;
  username?: string;
  password?: string;
}

/** A parsed transport URL. `virtualHost` is undefined when the URL has no path. */
export interface TransportUrl {
  scheme: string;
  hosts: TransportHost[];
  virtualHost?: string;
  query: Record<string, string>;
}

/** Parses a transport URL as oslo.messaging does; throws a TypeError saying what is wrong. */
export function parseTransportUrl(text: string): TransportUrl {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/.exec(text.trim());
  if (!match) throw new TypeError('a transport URL such as rabbit://user:password@host:5672/ (no scheme:// found)');
  const [, scheme, netloc = '', path = '', search = ''] = match;
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(search)) query[key] = key in query ? `${query[key]},${value}` : value;
  const hosts = netloc.split(',').filter((host) => host !== '').map(parseHost);
  return { scheme: scheme!.toLowerCase(), hosts, virtualHost: path.startsWith('/') ? decode(path.slice(1)) : undefined, query };
}

/** `user:pass@host:port`, `[v6]:port`, or parts of it, as TransportURL.parse splits them. */
function parseHost(text: string): TransportHost {
  const host: TransportHost = {};
  let hostname = text;
  const at = text.lastIndexOf('@');
  if (at >= 0) {
    let credentials = text.slice(0, at);
    hostname = text.slice(at + 1);
    const colon = credentials.indexOf(':');
    if (colon >= 0) {
      host.password = decode(credentials.slice(colon + 1));
      credentials = credentials.slice(0, colon);
    }
    host.username = decode(credentials);
  }
  let port: string | undefined;
  if (hostname.startsWith('[')) {
    const end = hostname.indexOf(']');
    if (end < 0) throw new TypeError(`a bracketed IPv6 address closed by "]" (host ${JSON.stringify(redactHostText(text))})`);
    const rest = hostname.slice(end);
    hostname = hostname.slice(1, end);
    if (rest.includes(':')) port = rest.slice(rest.indexOf(':') + 1);
  } else if (hostname.includes(':')) {
    port = hostname.slice(hostname.indexOf(':') + 1);
    hostname = hostname.slice(0, hostname.indexOf(':'));
  }
  if (hostname !== '') host.hostname = hostname;
  if (port !== undefined && port !== '') {
    if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) {
      throw new TypeError(`a port 1-65535 after the host, got ${JSON.stringify(port)} (host ${JSON.stringify(redactHostText(text))})`);
    }
    host.port = Number(port);
  }
  return host;
}

/** Percent-decoding that leaves a malformed escape as written (Python's unquote does the same). */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** One host's text with its password replaced by `***`. */
function redactHostText(text: string): string {
  return text.replace(/^([^@:]*):[^@]*@/, '$1:***@');
}

/** The URL with every password replaced by `***`: what logs and errors may show. */
export function redactTransportUrl(text: string): string {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/s.exec(text.trim());
  if (!match) return '***';
  return match[1] + match[2]!.split(',').map(redactHostText).join(',') + match[3];
}

/** The value type of `transport_url`: parsed when read, so a malformed URL is refused with file:line. */
export const transportUrlType: OptionType<string> = {
  name: 'transport URL',
  emptyIsUnset: true,
  parse(raw): ParseResult<string> {
    try {
      parseTransportUrl(raw);
      return { ok: true, value: raw.trim() };
    } catch (error) {
      return { ok: false, expected: (error as Error).message };
    }
  },
};
