// The init-system matrix as data: one row per Debian suite × init system running as PID 1.
// Adding an init system = one profile in profiles/ + one row here.

import { HarnessError } from './errors.js';
import { type InitProfile, type ReloadCommand, type ServiceUnderTest, synchronousClient } from './init-profiles.js';
import { openrcProfile, rcServiceReload } from './profiles/openrc.js';
import { runitProfile, svReload } from './profiles/runit.js';
import { s6Profile, s6SvcHup } from './profiles/s6.js';
import { systemctlReload, systemdProfile } from './profiles/systemd.js';
import { lsbReload, sysvinitProfile } from './profiles/sysvinit.js';

// One row: how its image is built from Debian's archive, how it boots, and which reload commands it tests.
export interface MatrixRow {
  /** short name, used in image tags, container names and test names */
  id: string;
  /** Debian suite the image is built from */
  suite: 'bookworm' | 'trixie';
  /** what the row is about, for test names and docs */
  description: string;
  profile: InitProfile;
  /** mmdebstrap --include list (minbase variant; nodejs in every image) */
  include: readonly string[];
  /** shell commands run by mmdebstrap's --customize-hook; "$1" is the root of the image */
  customize: readonly string[];
  /** package formats the package scenarios install here (rpm: with Debian's rpm, only where systemd is PID 1) */
  packageFormats: readonly ('deb' | 'rpm')[];
  /** systemd version the packages' units are generated for: the row's own; 252 (Debian 12) where systemd is not PID 1 */
  systemdVersion: number;
  /** the reload commands the scenarios run against `service`, with what each promises */
  reloadCommands: (service: ServiceUnderTest) => ReloadCommand[];
}

const common = ['procps', 'nodejs'];

const removeInittabGettys = 'sed -i "/getty/d" "$1/etc/inittab"';

// The rows every scenario runs on.
export const matrix: readonly MatrixRow[] = [
  {
    id: 'bookworm-systemd',
    suite: 'bookworm',
    description: 'Debian 12 bookworm, systemd 252',
    profile: systemdProfile,
    include: ['systemd', 'systemd-sysv', 'dbus', ...common],
    customize: [],
    packageFormats: ['deb'],
    systemdVersion: 252,
    reloadCommands: (service) => [
      systemctlReload(service.name, 252),
      lsbReload(`service ${service.name} reload`),
      lsbReload(`invoke-rc.d ${service.name} reload`),
    ],
  },
  {
    id: 'trixie-systemd',
    suite: 'trixie',
    description: 'Debian 13 trixie, systemd 257',
    profile: systemdProfile,
    // rpm: the package scenario also installs the .rpm here with Debian's rpm (--nodeps);
    // adduser: cinder-common depends on it, and trixie's minbase no longer has it (bookworm's does)
    include: ['systemd', 'systemd-sysv', 'dbus', 'rpm', 'adduser', ...common],
    customize: [],
    packageFormats: ['deb', 'rpm'],
    // Type=notify-reload units
    systemdVersion: 257,
    reloadCommands: (service) => [systemctlReload(service.name, 257)],
  },
  {
    id: 'bookworm-sysvinit',
    suite: 'bookworm',
    description: 'Debian 12 bookworm, sysvinit-core',
    profile: sysvinitProfile,
    include: ['sysvinit-core', ...common],
    customize: [removeInittabGettys],
    packageFormats: ['deb'],
    systemdVersion: 252,
    reloadCommands: (service) => [
      lsbReload(`service ${service.name} reload`),
      lsbReload(`/etc/init.d/${service.name} reload`),
      lsbReload(`invoke-rc.d ${service.name} reload`),
    ],
  },
  {
    id: 'bookworm-openrc',
    suite: 'bookworm',
    description: 'Debian 12 bookworm, OpenRC under sysvinit-core',
    profile: openrcProfile,
    // sysvinit-core depends on sysv-rc | file-rc | openrc: naming openrc selects it as the rc system
    include: ['sysvinit-core', 'openrc', ...common],
    customize: [
      removeInittabGettys,
      // skip the scripts OpenRC marks as not meant for containers (keyword -docker)
      'sed -i "s/^#\\?rc_sys=.*/rc_sys=\\"docker\\"/" "$1/etc/rc.conf"',
      'grep -qx "rc_sys=\\"docker\\"" "$1/etc/rc.conf"',
      // the engine sets up the container's network: tell OpenRC that loopback and net are provided, so
      // services that `need net` (as OpenRC runscripts do) can start (Alpine's container images do the same)
      'sed -i "s/^#\\?rc_provide=.*/rc_provide=\\"loopback net\\"/" "$1/etc/rc.conf"',
      'grep -qx "rc_provide=\\"loopback net\\"" "$1/etc/rc.conf"',
    ],
    packageFormats: ['deb'],
    systemdVersion: 252,
    reloadCommands: (service) => [rcServiceReload(service.name)],
  },
  {
    id: 'bookworm-runit',
    suite: 'bookworm',
    description: 'Debian 12 bookworm, runit-init',
    profile: runitProfile,
    include: ['runit-init', ...common],
    customize: ['rm -f "$1"/etc/runit/runsvdir/default/getty-*'],
    packageFormats: ['deb'],
    systemdVersion: 252,
    reloadCommands: (service) => [svReload(service.name)],
  },
  {
    id: 'bookworm-s6',
    suite: 'bookworm',
    description: 'Debian 12 bookworm, s6-svscan as PID 1',
    profile: s6Profile,
    include: ['s6', ...common],
    customize: [],
    packageFormats: ['deb'],
    systemdVersion: 252,
    reloadCommands: (service) => [synchronousClient(service), s6SvcHup(service.name)],
  },
];

// Finds rows by id; `only` is a comma-separated list (RELOADKIT_CONTAINER_ROWS), empty = all rows.
export function selectRows(only: string | undefined, rows: readonly MatrixRow[] = matrix): MatrixRow[] {
  const wanted = (only ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  if (wanted.length === 0) return [...rows];
  const known = rows.map((row) => row.id);
  const unknown = wanted.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new HarnessError(
      `RELOADKIT_CONTAINER_ROWS: unknown row ${unknown.map((id) => `"${id}"`).join(', ')}; expected some of ${known.join(', ')}`,
    );
  }
  return rows.filter((row) => wanted.includes(row.id));
}
