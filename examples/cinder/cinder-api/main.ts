// Entry point of `cinder-api`. `reload` and `status` run without importing the service (its drivers, HTTP
// API and options): they only talk to the control socket. Every other command loads it.
import { runServiceMain } from '../../../runtime/cli/run-service-main.js';
import { CINDER_CONF } from '../shared/cinder-conf.js';

await runServiceMain({
  name: 'cinder-api',
  defaultConfigFiles: [CINDER_CONF],
  load: async () => (await import('./service.js')).apiService,
}, process.argv.slice(2));
