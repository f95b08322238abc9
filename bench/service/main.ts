// Entry point of the bench service (run, reload, check-config, status: the runtime's command line).
// `reload` and `status` run without importing the service, as in the cinder examples.
import { runServiceMain } from '../../runtime/cli/run-service-main.js';

await runServiceMain({
  name: 'reloadkit-bench',
  load: async () => (await import('./service.js')).benchService,
}, process.argv.slice(2));
