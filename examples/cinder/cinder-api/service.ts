// cinder-api: an HTTP front that forwards volume requests to cinder-volume through a stateless driver.
import { defineService } from '../../../runtime/index.js';
import { CINDER_CONF, cinderOptions } from '../shared/options.js';
import { startApiFront } from './http-api.js';
import { createVolumeClientDriver } from './volume-client-driver.js';

/** The cinder-api service definition. */
export const apiService = defineService({
  name: 'cinder-api',
  defaultConfigFiles: [CINDER_CONF],
  options: cinderOptions,
  drivers: [
    {
      kind: 'volume-client',
      sections: () => ['api'],
      mode: 'overlap',
      create: (ctx) => createVolumeClientDriver(ctx),
    },
  ],
  start: (rt) => startApiFront(rt),
});
