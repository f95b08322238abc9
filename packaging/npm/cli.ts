// `make npm`: the @reloadkit/runtime and reloadkit tarballs from build/ into dist/npm/.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildNpmPackages } from './build-npm-packages.js';

// build/packaging/npm/cli.js → the repository root
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

try {
  await buildNpmPackages({
    projectRoot,
    buildDir: join(projectRoot, 'build'),
    outDir: join(projectRoot, 'dist', 'npm'),
    onProgress: (message) => process.stdout.write(`${message}\n`),
  });
} catch (error) {
  process.stderr.write(`make npm: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
