// cinder-volume: one volume driver (a backend connection) per section in enabled_backends, and an HTTP API.
import { defineService } from '../../../runtime/index.js';
import { CINDER_CONF, cinderOptions } from '../shared/options.js';
import { startVolumeApi } from './http-api.js';
import { connectVolumeDriver } from './volume-driver.js';

/** The cinder-volume service definition. */
export const volumeService = defineService({
  name: 'cinder-volume',
  defaultConfigFiles: [CINDER_CONF],
  options: cinderOptions,
  drivers: [
    {
      kind: 'volume',
      sections: (config) => config.get('DEFAULT', 'enabled_backends') as string[],
      mode: 'overlap',
      create: (ctx) => connectVolumeDriver(ctx),
    },
  ],
  start: (rt) => startVolumeApi(rt),
});
