// Translates systemd ordering/dependency units into LSB facilities (SysV) and OpenRC dependencies.

/** systemd targets with a well-known LSB facility (Debian's insserv names). */
const LSB_FACILITIES: Record<string, string> = {
  'network.target': '$network',
  'network-online.target': '$network',
  'remote-fs.target': '$remote_fs',
  'local-fs.target': '$local_fs',
  'time-sync.target': '$time',
  'nss-lookup.target': '$named',
  'rpcbind.target': '$portmap',
  'syslog.target': '$syslog',
};

/** systemd targets with an OpenRC service of the same meaning. */
const OPENRC_SERVICES: Record<string, string> = {
  'network.target': 'net',
  'network-online.target': 'net',
  'remote-fs.target': 'netmount',
  'local-fs.target': 'localmount',
  'time-sync.target': 'ntp-client',
  'nss-lookup.target': 'dns',
  'syslog.target': 'logger',
};

/** `foo.service` → `foo`; other units with no mapping are dropped (they have no equivalent). */
function serviceBaseName(unit: string): string | undefined {
  return unit.endsWith('.service') ? unit.slice(0, -'.service'.length) : undefined;
}

function unique(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}

/** LSB facility or init script names for the given systemd units. */
export function toLsbDependencies(units: readonly string[]): string[] {
  return unique(units.map((unit) => LSB_FACILITIES[unit] ?? serviceBaseName(unit)));
}

/** OpenRC service names for the given systemd units. */
export function toOpenrcDependencies(units: readonly string[]): string[] {
  return unique(units.map((unit) => OPENRC_SERVICES[unit] ?? serviceBaseName(unit)));
}
