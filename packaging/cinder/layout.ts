// How the cinder example is split into packages: cinder-common plus one package per service.
import type { PackageLayout } from '../layout/package-layout.js';

/**
 * The cinder example's package layout. The manifest gives names, versions, licence, copyright, section, what
 * the software and each service do, the services and their behaviour; this says which files go where.
 */
export const cinderLayout: PackageLayout = {
  source: 'cinder',
  // Arch-independent JavaScript run by /usr/bin launchers: FHS puts architecture-independent data in /usr/share.
  codeRoot: '/usr/share/cinder',
  common: {
    name: 'cinder-common',
    summary: 'OpenStack Cinder example services - common files',
    contents: [
      'This package contains the reloadkit runtime and the modules shared by the services, the',
      'configuration file /etc/cinder/cinder.conf, the cinder system account, the state and log',
      'directories, and the rotation of the services\' logs.',
    ].join('\n'),
    codeDirs: ['runtime', 'examples/cinder/shared'],
    // Owner, group and mode: the services' config_files in the manifest.
    files: [{ from: 'examples/cinder/etc/cinder.conf', to: '/etc/cinder/cinder.conf' }],
  },
  serviceContents: {
    deb: 'This package contains the service, its systemd unit and its SysV init script.',
    rpm: 'This package contains the service and its systemd unit.',
  },
  services: {
    'cinder-volume': {
      codeDirs: ['examples/cinder/cinder-volume'],
      main: 'examples/cinder/cinder-volume/main.js',
    },
    'cinder-scheduler': {
      codeDirs: ['examples/cinder/cinder-scheduler'],
      main: 'examples/cinder/cinder-scheduler/main.js',
    },
    'cinder-api': {
      codeDirs: ['examples/cinder/cinder-api'],
      main: 'examples/cinder/cinder-api/main.js',
    },
  },
};
