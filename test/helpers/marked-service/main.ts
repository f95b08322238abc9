// Entry point of the marked service, built like the cinder examples' main.ts (run with `node --import tsx`).
import { runServiceMain } from '../../../runtime/cli/run-service-main.js';

await runServiceMain({
  name: 'marked-svc',
  defaultConfigFiles: ['/nonexistent/marked-svc.conf'],
  load: async () => (await import('./service.js')).markedService,
}, process.argv.slice(2));
