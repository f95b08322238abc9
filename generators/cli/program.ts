// The `reloadkit` command line: generate, package, schema, targets. Returns exit codes instead of exiting.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { generateManifestJsonSchema, ManifestError, parseManifest, type Manifest } from '../manifest/index.js';
import { acceptedTargetNames, findTarget, targets } from '../registry.js';
import type { Target } from '../target.js';
import { addPackageCommand } from './package-command.js';
import { writeGeneratedFiles } from './write-files.js';

/** Exit code for invalid input (manifest, options, target names). */
export const EXIT_INVALID_INPUT = 2;

/** Where the CLI prints; tests pass their own. */
export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

class InvalidInputError extends Error {}

function parseSystemdVersion(value: string): number {
  if (!/^[1-9][0-9]{2,3}$/.test(value)) {
    throw new InvalidArgumentError(`expected a systemd version number such as 252 or 257, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

async function readManifest(file: string) {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InvalidInputError(`cannot read manifest ${file}: ${(error as Error).message}`, { cause: error });
  }
  return parseManifest(text, file);
}

function selectTargets(names: string[]): { targets: Target[]; separate: boolean } {
  if (names.includes('all')) return { targets: [...targets], separate: true };
  try {
    return { targets: [...new Set(names)].map(findTarget), separate: false };
  } catch (error) {
    throw new InvalidInputError(`--target: ${(error as Error).message}`, { cause: error });
  }
}

function generateTarget(target: Target, manifest: Manifest, systemdVersion: number) {
  try {
    return target.generate(manifest, { systemdVersion });
  } catch (error) {
    throw new Error(`cannot generate target ${target.name}: ${(error as Error).message}`, { cause: error });
  }
}

/** Two targets writing the same installed path (sysv and openrc both use etc/init.d/) cannot share --out. */
function refuseCollisions(outputs: { directory: string; files: { path: string }[]; target: string }[]): void {
  const owners = new Map<string, string>();
  for (const { directory, files, target } of outputs) {
    for (const file of files) {
      const path = join(directory, file.path);
      const owner = owners.get(path);
      if (owner !== undefined && owner !== target) {
        throw new InvalidInputError(
          `--target: ${owner} and ${target} both write ${file.path}; generate them into separate --out directories or use --target all`,
        );
      }
      owners.set(path, target);
    }
  }
}

function buildProgram(output: CliOutput): Command {
  const program = new Command('reloadkit')
    .description('Generate init files and packaging scripts that reload services in place, and build packages, from reloadkit.yaml')
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .showHelpAfterError();
  program
    .command('generate')
    .description('write the files of one or more targets, as installed, under --out')
    .argument('<manifest>', 'the package manifest, e.g. reloadkit.yaml')
    .addOption(
      new Option(
        '-t, --target <name>',
        `target to generate (repeatable), one of ${acceptedTargetNames().join(', ')}; "all" writes each under <out>/<target>/`,
      )
        .argParser(collect)
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--systemd-version <n>', 'systemd version of the units (>= 253: Type=notify-reload)')
        .argParser(parseSystemdVersion)
        .default(252),
    )
    .requiredOption('-o, --out <dir>', 'directory to write into')
    .action(async (manifestFile: string, options: { target: string[]; systemdVersion: number; out: string }) => {
      const manifest = await readManifest(manifestFile);
      const selection = selectTargets(options.target);
      // Everything is generated before anything is written: a failing target leaves no partial output.
      const outputs = selection.targets.map((target) => ({
        directory: selection.separate ? join(options.out, target.name) : options.out,
        files: generateTarget(target, manifest, options.systemdVersion),
      }));
      refuseCollisions(outputs.map(({ directory, files }, index) => ({ directory, files, target: selection.targets[index]!.name })));
      for (const { directory, files } of outputs) {
        for (const written of await writeGeneratedFiles(directory, files)) output.out(`${written}\n`);
      }
    });
  addPackageCommand(program, output, parseSystemdVersion);
  program
    .command('schema')
    .description('print the JSON Schema of reloadkit.yaml')
    .action(() => output.out(`${JSON.stringify(generateManifestJsonSchema(), null, 2)}\n`));
  program
    .command('targets')
    .description('list the targets generate accepts')
    .action(() => {
      for (const target of targets) output.out(`${target.name.padEnd(10)} ${target.description}\n`);
    });
  return program;
}

/** Runs the CLI with `args` (without node and script); resolves with the process exit code. */
export async function runCli(args: readonly string[], output: CliOutput): Promise<number> {
  const program = buildProgram(output);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_INVALID_INPUT;
    if (error instanceof ManifestError || error instanceof InvalidInputError) {
      output.err(`reloadkit: ${error.message}\n`);
      return EXIT_INVALID_INPUT;
    }
    output.err(`reloadkit: ${(error as Error).message}\n`);
    return 1;
  }
}
