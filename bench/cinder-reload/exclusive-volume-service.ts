// cinder-volume exactly as the example builds it (same options, driver and HTTP API), except that its
// volume driver is declared `exclusive`: a reload that changes a backend drains that backend's work
// first while new work for it waits at the gate (issue 2's behaviour), for comparison with overlap.
import { defineService } from '../../runtime/index.js';
import { startVolumeApi } from '../../examples/cinder/cinder-volume/http-api.js';
import { connectVolumeDriver } from '../../examples/cinder/cinder-volume/volume-driver.js';
import { CINDER_CONF, cinderOptions } from '../../examples/cinder/shared/options.js';

/** The exclusive-mode variant of cinder-volume. */
export const exclusiveVolumeService = defineService({
  name: 'cinder-volume',
  defaultConfigFiles: [CINDER_CONF],
  options: cinderOptions,
  drivers: [
    {
      kind: 'volume',
      sections: (config) => config.get('DEFAULT', 'enabled_backends') as string[],
      mode: 'exclusive',
      create: (ctx) => connectVolumeDriver(ctx),
    },
  ],
  start: (rt) => startVolumeApi(rt),
});
