// Entry point of the bench service (run, reload, check-config, status: the runtime's command line).
import { runService } from '../../runtime/cli/run-service.js';
import { benchService } from './service.js';

await runService(benchService, process.argv.slice(2));
