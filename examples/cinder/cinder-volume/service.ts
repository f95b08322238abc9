// cinder-volume: one volume driver (a backend connection) per section in enabled_backends, and an HTTP API.
import { defineService, type DriverMode } from '../../../runtime/index.js';
import { CINDER_CONF, cinderOptions } from '../shared/options.js';
import { startVolumeApi } from './http-api.js';
import { connectVolumeDriver } from './volume-driver.js';

/** cinder-volume with its volume drivers in `mode` (the benchmark compares both modes on the same service). */
export function defineVolumeService(mode: DriverMode) {
  return defineService({
    name: 'cinder-volume',
    defaultConfigFiles: [CINDER_CONF],
    options: cinderOptions,
    drivers: [
      {
        kind: 'volume',
        sections: (config) => config.get('DEFAULT', 'enabled_backends') as string[],
        mode,
        create: (ctx) => connectVolumeDriver(ctx),
      },
    ],
    start: (rt) => startVolumeApi(rt),
  });
}

/** The cinder-volume service definition: overlap drivers (make-before-break). */
export const volumeService = defineVolumeService('overlap');
