// Entry point of `cinder-volume`. `reload` and `status` run without importing the service (its drivers, HTTP
// API and options): they only talk to the control socket. Every other command loads it.
import { runServiceMain } from '../../../runtime/cli/run-service-main.js';
import { CINDER_CONF } from '../shared/cinder-conf.js';

await runServiceMain({
  name: 'cinder-volume',
  defaultConfigFiles: [CINDER_CONF],
  load: async () => (await import('./service.js')).volumeService,
}, process.argv.slice(2));
