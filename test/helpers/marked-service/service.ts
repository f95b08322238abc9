// A service module that leaves a mark when it is imported (MARKED_SERVICE_MARKER names the file), so
// that a test can tell which commands of its entry point imported it.
import { appendFileSync } from 'node:fs';
import { defineService } from '../../../runtime/define-service.js';

appendFileSync(process.env.MARKED_SERVICE_MARKER ?? '/dev/null', 'imported\n');

/** A service with no drivers; its name and default file match main.ts. */
export const markedService = defineService({ name: 'marked-svc', defaultConfigFiles: ['/nonexistent/marked-svc.conf'] });
