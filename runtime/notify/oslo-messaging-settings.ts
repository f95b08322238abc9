// Where oslo.messaging notifications go, read from the running configuration the way oslo does:
// [oslo_messaging_notifications] driver / transport_url / topics, [DEFAULT] transport_url and control_exchange.
import type { ConfigSnapshot } from '../config/snapshot.js';
import type { OsloMessageVersion } from './oslo-messaging-envelope.js';

/** The message format each publishing driver sends (the other drivers publish nothing on the bus). */
const VERSION_OF_DRIVER: Readonly<Record<string, OsloMessageVersion>> = { messagingv2: '2.0', messaging: '1.0' };

/** oslo.messaging's default [DEFAULT] transport_url: the rabbit driver on localhost. */
export const DEFAULT_TRANSPORT_URL = 'rabbit://';

/** What the sink publishes with. */
export interface OsloMessagingSettings {
  /** One entry per configured publishing driver, in the order configured. */
  versions: OsloMessageVersion[];
  /** The notifications' transport URL, or [DEFAULT]'s, or oslo's default. */
  transportUrl: string;
  topics: string[];
  exchange: string;
}

/** The settings, or undefined when no driver that publishes on the message bus is configured. */
export function readOsloMessagingSettings(config: ConfigSnapshot): OsloMessagingSettings | undefined {
  const drivers = (config.get('oslo_messaging_notifications', 'driver') as string[] | undefined) ?? [];
  const versions = [...new Set(drivers.flatMap((driver) => (VERSION_OF_DRIVER[driver] ? [VERSION_OF_DRIVER[driver]!] : [])))];
  if (versions.length === 0) return undefined;
  const own = config.get('oslo_messaging_notifications', 'transport_url') as string | undefined;
  const shared = config.get('DEFAULT', 'transport_url') as string | undefined;
  return {
    versions,
    transportUrl: own || shared || DEFAULT_TRANSPORT_URL,
    topics: [...((config.get('oslo_messaging_notifications', 'topics') as string[] | undefined) ?? [])],
    exchange: (config.get('DEFAULT', 'control_exchange') as string | undefined) || 'openstack',
  };
}

/** Whether two settings need different connections (only the transport URL decides). */
export function sameConnection(a: OsloMessagingSettings | undefined, b: OsloMessagingSettings | undefined): boolean {
  return a !== undefined && b !== undefined && a.transportUrl === b.transportUrl;
}
