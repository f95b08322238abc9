// The package layout of reloadkit.yaml: which binary packages are built and which files each one ships.
import { z } from 'zod';
import { absolutePath, fileMode, longText, matching, oneLineText, relativeDirectory, serviceName } from './fields.js';

/** A Debian or RPM binary package name. */
export const packageName = matching(
  /^[a-z0-9][a-z0-9+.-]+$/,
  'a package name: lower-case letters, digits, "+", "-" and ".", at least 2 characters',
);

/** A path in the source tree, relative to the manifest's directory ("..": above it). */
export const sourcePath = matching(
  /^(?!\/)[A-Za-z0-9._+@-]+(\/[A-Za-z0-9._+@-]+)*$/,
  'a path relative to the manifest\'s directory, made of letters, digits and . _ + @ - / (no leading "/")',
);

/** A path inside the compiled code (relative to package.code_from), without "." or ".." segments. */
const codePath = relativeDirectory;

const copiedFileSchema = z
  .strictObject(
    {
      source: sourcePath.describe("File in the source tree, relative to the manifest's directory."),
      destination: absolutePath.describe('Installed path; everything under /etc is a conffile.'),
      mode: fileMode
        .optional()
        .describe("Permissions as octal text (0644 when omitted; a service's config_files entry sets its own)."),
    },
    { error: 'expected a mapping with source, destination and optional mode' },
  )
  .describe('A file copied from the source tree into the package.');

const packagedServiceSchema = z
  .strictObject(
    {
      name: serviceName.describe('A service of `services`.'),
      main: codePath.describe("The module /usr/bin/<name> runs with node, relative to package.code_from, e.g. \"svc/main.js\"."),
    },
    { error: 'expected a mapping with name and main' },
  )
  .describe('A service this package ships: its launcher, manual page, units and init scripts.');

const contentsSchema = z
  .union([longText, z.strictObject({ deb: longText, rpm: longText }, { error: 'expected a mapping with deb and rpm' })], {
    error: 'expected text, or a mapping with deb and rpm texts',
  })
  .describe("What this package holds: the last paragraph of its long description (per format when they differ).");

const conflictsSchema = z
  .strictObject(
    {
      deb: z.array(packageName, { error: 'expected a list of package names' }).default([]),
      rpm: z.array(packageName, { error: 'expected a list of package names' }).default([]),
    },
    { error: 'expected a mapping with deb and rpm lists of package names' },
  )
  .describe("Distribution packages installing the same paths: deb Conflicts:, rpm Conflicts:.");

/** One binary package: the first one is the common package (accounts, directories, config file ownership). */
export const binaryPackageSchema = z.strictObject(
  {
    name: packageName.describe('Binary package name; choose one no distribution archive uses.'),
    summary: oneLineText
      .optional()
      .describe("One-line summary; default: the description of its only service, else package.description."),
    contents: contentsSchema.optional(),
    code: z
      .array(codePath, { error: 'expected a list of directories' })
      .default([])
      .describe('Directories of JavaScript under package.code_from, shipped whole below package.code_root.'),
    files: z.array(copiedFileSchema, { error: 'expected a list of files' }).default([]),
    docs: z
      .array(sourcePath, { error: 'expected a list of paths' })
      .default([])
      .describe('Documentation files, installed in /usr/share/doc/<package>/.'),
    services: z.array(packagedServiceSchema, { error: 'expected a list of services' }).default([]),
    conflicts: conflictsSchema.default({ deb: [], rpm: [] }),
    replaces: z
      .array(packageName, { error: 'expected a list of package names' })
      .default([])
      .describe('deb Replaces: the Debian packages whose files this one takes over.'),
  },
  { error: 'expected a mapping with name and optional summary, contents, code, files, docs, services, conflicts, replaces' },
);

/** The `packages` list: at least one package. */
export const packagesSchema = z
  .array(binaryPackageSchema, { error: 'expected a list of packages' })
  .min(1, { error: 'expected at least one package' })
  .describe(
    'The binary packages `reloadkit package` builds. The first is the common one: it creates the accounts and owns ' +
      'the directories; every other package depends on it at the exact version. One package may ship everything.',
  );

/** The package-wide packaging settings, kept in `package`. */
export const packagingFields = {
  code_root: absolutePath
    .optional()
    .describe('Where the code is installed (default /usr/share/<package.name>: architecture-independent).'),
  code_from: sourcePath
    .default('.')
    .describe("Directory holding the code the packages' code entries name, relative to the manifest (e.g. the build output)."),
  lintian_overrides: sourcePath
    .optional()
    .describe('Directory of lintian overrides: a file per package name, else "common" / "service".'),
  rpmlint_config: sourcePath.optional().describe('rpmlint configuration (TOML) the packages pass with.'),
};
