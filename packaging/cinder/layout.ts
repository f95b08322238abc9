// How the cinder example is split into packages: cinder-common plus one package per service.
import type { PackageLayout } from '../layout/package-layout.js';

/** The cinder example's package layout (the manifest gives names, versions, services and their behaviour). */
export const cinderLayout: PackageLayout = {
  source: 'cinder',
  license: 'Apache-2.0',
  copyright: '2026 The reloadkit authors',
  section: 'net',
  // Arch-independent JavaScript run by /usr/bin launchers: FHS puts architecture-independent data in /usr/share.
  codeRoot: '/usr/share/cinder',
  common: {
    name: 'cinder-common',
    summary: 'OpenStack Cinder example services - common files',
    description: [
      'The cinder example services show how a long-running Node.js service is reloaded in place:',
      'after /etc/cinder/cinder.conf is edited, "service cinder-volume reload" applies the new',
      'configuration without a restart, drains in-flight work instead of losing it, and refuses a',
      'bad configuration while the service keeps running on the old one.',
      '',
      'This package contains the reloadkit runtime and the modules shared by the services, the',
      'configuration file /etc/cinder/cinder.conf, the cinder system account, the state and log',
      'directories, and the rotation of the services\' logs.',
    ].join('\n'),
    codeDirs: ['runtime', 'examples/cinder/shared'],
    // Owner, group and mode: the services' config_files in the manifest.
    files: [{ from: 'examples/cinder/etc/cinder.conf', to: '/etc/cinder/cinder.conf' }],
  },
  services: {
    'cinder-volume': {
      description:
        'The volume service manages the storage backends listed in enabled_backends. A reload re-initialises only the backends whose settings changed; the others keep serving.\n\nThis package contains the service, its systemd unit and its SysV init script.',
      codeDirs: ['examples/cinder/cinder-volume'],
      main: 'examples/cinder/cinder-volume/main.js',
    },
    'cinder-scheduler': {
      description:
        'The scheduler service places new volumes on backends according to the configured filters and weights, which a reload replaces without dropping pending requests.\n\nThis package contains the service, its systemd unit and its SysV init script.',
      codeDirs: ['examples/cinder/cinder-scheduler'],
      main: 'examples/cinder/cinder-scheduler/main.js',
    },
    'cinder-api': {
      description:
        'The API service answers the HTTP API of the cinder example. A reload applies new settings between requests; requests in progress finish on the configuration they started with.\n\nThis package contains the service, its systemd unit and its SysV init script.',
      codeDirs: ['examples/cinder/cinder-api'],
      main: 'examples/cinder/cinder-api/main.js',
    },
  },
};
