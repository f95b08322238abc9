// cinder-scheduler: a capabilities cache per enabled backend (dropped on reload) and an HTTP API.
import { defineService } from '../../../runtime/index.js';
import { CINDER_CONF, cinderOptions } from '../shared/options.js';
import { createCapabilitiesDriver } from './capabilities-driver.js';
import { startSchedulerApi } from './http-api.js';

/** The cinder-scheduler service definition. */
export const schedulerService = defineService({
  name: 'cinder-scheduler',
  defaultConfigFiles: [CINDER_CONF],
  options: cinderOptions,
  drivers: [
    {
      kind: 'capabilities',
      sections: (config) => config.get('DEFAULT', 'enabled_backends') as string[],
      mode: 'overlap',
      create: (ctx) => createCapabilitiesDriver(ctx),
    },
  ],
  start: (rt) => startSchedulerApi(rt),
});
