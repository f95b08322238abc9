// Entry point of `cinder-api`.
import { runService } from '../../../runtime/cli/run-service.js';
import { apiService } from './service.js';

await runService(apiService, process.argv.slice(2));
