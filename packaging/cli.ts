// `npm run packages`: builds the cinder example's .deb and .rpm packages into dist/.
import { Command, InvalidArgumentError } from 'commander';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages } from './build-packages.js';
import { cinderLayout } from './cinder/layout.js';
import { packagers } from './registry.js';

/** The project root: this file lives in packaging/ (or build/packaging/ once compiled). */
function findProjectRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return here.endsWith(join('build', 'packaging')) ? resolve(here, '..', '..') : resolve(here, '..');
}

function parseFormat(value: string, previous: string[]): string[] {
  const known = packagers.map((p) => p.name);
  if (value === 'all') return [...new Set([...previous, ...known])];
  if (!known.includes(value)) {
    throw new InvalidArgumentError(`expected one of ${[...known, 'all'].join(', ')}, got "${value}"`);
  }
  return [...new Set([...previous, value])];
}

/** Where the CLI writes: the process's streams, or a test's buffers. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Parses `argv` and builds; returns the process exit code (0 built, 1 build failed, 2 usage). */
export async function runPackagingCli(argv: string[], output: CliOutput = processOutput): Promise<number> {
  const root = findProjectRoot();
  const program = new Command('packages')
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .description('Build the .deb and .rpm packages of the cinder example (run `npm run build` first).')
    .option('-f, --format <format>', 'deb, rpm or all (repeatable)', parseFormat, [] as string[])
    .option('-o, --out <dir>', 'output directory', join(root, 'dist'))
    .option('-m, --manifest <file>', 'manifest', 'examples/cinder/reloadkit.yaml')
    .option('--build-dir <dir>', 'compiled TypeScript', join(root, 'build'))
    .exitOverride();
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    return (error as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const opts = program.opts<{ format: string[]; out: string; manifest: string; buildDir: string }>();
  try {
    const written = await buildPackages({
      projectRoot: root,
      manifestPath: opts.manifest,
      layout: cinderLayout,
      lintianOverridesDir: 'packaging/cinder/lintian-overrides',
      buildDir: resolve(opts.buildDir),
      outDir: resolve(opts.out),
      formats: opts.format.length > 0 ? opts.format : packagers.map((p) => p.name),
      onProgress: (message) => output.err(`packages: ${message}\n`),
    });
    for (const path of written) output.out(`${path}\n`);
    return 0;
  } catch (error) {
    output.err(`packages: ${(error as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runPackagingCli(process.argv.slice(2));
}
