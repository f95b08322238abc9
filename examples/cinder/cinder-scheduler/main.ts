// Entry point of `cinder-scheduler`.
import { runService } from '../../../runtime/index.js';
import { schedulerService } from './service.js';

await runService(schedulerService, process.argv.slice(2));
