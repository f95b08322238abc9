// Entry point of `cinder-volume`.
import { runService } from '../../../runtime/index.js';
import { volumeService } from './service.js';

await runService(volumeService, process.argv.slice(2));
