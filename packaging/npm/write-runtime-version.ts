// `npm run build` runs this first (prebuild, through tsx): runtime/version.ts follows package.json.
import { fileURLToPath } from 'node:url';
import { RUNTIME_VERSION_FILE, writeRuntimeVersion } from './runtime-version.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
if (await writeRuntimeVersion(projectRoot)) process.stdout.write(`wrote ${RUNTIME_VERSION_FILE} from package.json\n`);
