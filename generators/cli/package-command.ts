// `reloadkit package <manifest>`: builds the .deb and .rpm packages the manifest's `packages` declare.
import { resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { describeArchiveNames, findArchiveNames } from '../../packaging/archive-names.js';
import { buildPackages, loadPackageLayout } from '../../packaging/build-packages.js';
import { packagers } from '../../packaging/registry.js';
import type { CliOutput } from './program.js';

function parseFormat(value: string, previous: string[] | undefined): string[] {
  const known = packagers.map((p) => p.name);
  if (value === 'all') return [...new Set([...(previous ?? []), ...known])];
  if (!known.includes(value)) throw new InvalidArgumentError(`expected one of ${[...known, 'all'].join(', ')}, got "${value}"`);
  return [...new Set([...(previous ?? []), value])];
}

/** Options of `reloadkit package`. */
interface PackageOptions {
  format?: string[];
  out: string;
  codeFrom?: string;
  systemdVersion: number;
  checkNames: boolean;
}

/** Adds the `package` command to `program`; its progress goes to stderr, the paths written to stdout. */
export function addPackageCommand(program: Command, output: CliOutput, parseSystemdVersion: (value: string) => number): void {
  const formats = packagers.map((p) => p.name);
  program
    .command('package')
    .description(
      'build the binary packages the manifest declares (`packages`), with dpkg-deb and rpmbuild; same input and ' +
        'SOURCE_DATE_EPOCH (default: the newest changelog date) give the same bytes',
    )
    .argument('<manifest>', 'the package manifest, e.g. reloadkit.yaml; its source paths are relative to its directory')
    .addOption(
      new Option('-f, --format <format>', `package format (repeatable): ${[...formats, 'all'].join(', ')} (default: all)`).argParser(
        parseFormat,
      ),
    )
    .option('-o, --out <dir>', 'directory the packages are written to', 'dist')
    .option('--code-from <dir>', "directory the packages' code is read from, instead of the manifest's package.code_from")
    .addOption(
      new Option('--systemd-version <n>', 'systemd version of the packaged units (>= 253: Type=notify-reload)')
        .argParser(parseSystemdVersion)
        .default(252),
    )
    .option('--no-check-names', 'do not ask apt-cache whether an archive already uses the package names')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  reloadkit package reloadkit.yaml --out dist            # .deb and .rpm of every package',
        '  reloadkit package reloadkit.yaml --format deb          # only .deb',
        '  SOURCE_DATE_EPOCH=1790000000 reloadkit package reloadkit.yaml',
        '',
        'Needs dpkg-deb (deb) and rpmbuild (rpm). Check the results with lintian and rpmlint -c <package.rpmlint_config>.',
        'Layout fields (packages, package.code_from, ...): docs/manifest.md.',
      ].join('\n'),
    )
    .action(async (manifestFile: string, options: PackageOptions) => {
      const progress = (message: string) => output.err(`reloadkit package: ${message}\n`);
      const { layout } = await loadPackageLayout({ manifestPath: manifestFile, codeFrom: options.codeFrom });
      if (options.checkNames) {
        progress('checking the package names against the configured archives (apt-cache policy)');
        for (const line of describeArchiveNames(await findArchiveNames(layout.packages.map((p) => p.name)))) output.err(`${line}\n`);
      }
      const written = await buildPackages({
        manifestPath: manifestFile,
        codeFrom: options.codeFrom,
        outDir: resolve(options.out),
        formats: options.format ?? formats,
        systemdVersion: options.systemdVersion,
        onProgress: progress,
      });
      for (const path of written) output.out(`${path}\n`);
    });
}
