// The `sandbox:` field of a service: what the systemd sandbox grants beyond its default (no capabilities,
// AF_UNIX/AF_INET/AF_INET6/AF_NETLINK sockets, writable only where systemd manages a directory).
import { z } from 'zod';
import { absolutePath, positiveInteger } from './fields.js';

/** The capabilities of capabilities(7) (Linux 6.x), as CapabilityBoundingSet= takes them. */
export const LINUX_CAPABILITIES: readonly string[] = [
  'CAP_AUDIT_CONTROL', 'CAP_AUDIT_READ', 'CAP_AUDIT_WRITE', 'CAP_BLOCK_SUSPEND', 'CAP_BPF', 'CAP_CHECKPOINT_RESTORE',
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_FSETID', 'CAP_IPC_LOCK', 'CAP_IPC_OWNER',
  'CAP_KILL', 'CAP_LEASE', 'CAP_LINUX_IMMUTABLE', 'CAP_MAC_ADMIN', 'CAP_MAC_OVERRIDE', 'CAP_MKNOD', 'CAP_NET_ADMIN',
  'CAP_NET_BIND_SERVICE', 'CAP_NET_BROADCAST', 'CAP_NET_RAW', 'CAP_PERFMON', 'CAP_SETFCAP', 'CAP_SETGID', 'CAP_SETPCAP',
  'CAP_SETUID', 'CAP_SYS_ADMIN', 'CAP_SYS_BOOT', 'CAP_SYS_CHROOT', 'CAP_SYS_MODULE', 'CAP_SYS_NICE', 'CAP_SYS_PACCT',
  'CAP_SYS_PTRACE', 'CAP_SYS_RAWIO', 'CAP_SYS_RESOURCE', 'CAP_SYS_TIME', 'CAP_SYS_TTY_CONFIG', 'CAP_SYSLOG', 'CAP_WAKE_ALARM',
];

/** Socket address families every unit allows: local sockets, IPv4, IPv6, and netlink (getaddrinfo's AI_ADDRCONFIG, os.networkInterfaces()). */
export const DEFAULT_ADDRESS_FAMILIES: readonly string[] = ['AF_UNIX', 'AF_INET', 'AF_INET6', 'AF_NETLINK'];

const capability = z.enum(LINUX_CAPABILITIES as [string, ...string[]], {
  error: 'expected a Linux capability such as "CAP_NET_BIND_SERVICE" (see capabilities(7))',
});

const addressFamily = z
  .string({ error: 'expected a socket address family such as "AF_PACKET"' })
  .regex(/^AF_[A-Z0-9]+$/, { error: 'expected a socket address family such as "AF_PACKET"' })
  .refine((family) => !DEFAULT_ADDRESS_FAMILIES.includes(family), {
    error: `expected a family beyond the ones every unit allows (${DEFAULT_ADDRESS_FAMILIES.join(', ')})`,
  });

/** The schema of `sandbox:`; every field defaults to granting nothing more. */
export const sandboxSchema = z
  .strictObject({
    capabilities: z
      .array(capability, { error: 'expected a list of Linux capabilities' })
      .default([])
      .describe('Capabilities the service keeps (CapabilityBoundingSet= and AmbientCapabilities=); none by default.'),
    address_families: z
      .array(addressFamily, { error: 'expected a list of socket address families' })
      .default([])
      .describe('Socket address families allowed beyond AF_UNIX, AF_INET, AF_INET6 and AF_NETLINK (RestrictAddressFamilies=).'),
    writable_paths: z
      .array(absolutePath, { error: 'expected a list of absolute paths' })
      .default([])
      .describe('Paths the service writes outside its runtime, state and logs directories (ReadWritePaths=).'),
    limit_nofile: positiveInteger
      .max(1048576, { error: 'expected a positive integer of at most 1048576 (the kernel\'s default nr_open)' })
      .optional()
      .describe('Open file descriptors allowed (LimitNOFILE=); systemd\'s default soft limit is 1024.'),
  }, { error: 'expected a mapping with capabilities, address_families, writable_paths and limit_nofile' })
  .default({ capabilities: [], address_families: [], writable_paths: [] })
  .describe('What the systemd sandbox grants beyond its default: see docs/manifest.md.');
