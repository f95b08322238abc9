// Entry point of `cinder-api`.
import { runService } from '../../../runtime/index.js';
import { apiService } from './service.js';

await runService(apiService, process.argv.slice(2));
