// Entry point of `cinder-scheduler`.
import { runService } from '../../../runtime/cli/run-service.js';
import { schedulerService } from './service.js';

await runService(schedulerService, process.argv.slice(2));
