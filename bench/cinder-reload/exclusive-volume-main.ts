// Entry point of the exclusive-mode cinder-volume used by bench/cinder-reload.
import { runService } from '../../runtime/cli/run-service.js';
import { exclusiveVolumeService } from './exclusive-volume-service.js';

await runService(exclusiveVolumeService, process.argv.slice(2));
