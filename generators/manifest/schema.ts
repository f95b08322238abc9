// The one definition of reloadkit.yaml: TypeScript types, validation and JSON Schema all come from here.
import { z } from 'zod';
import {
  absolutePath,
  accountName,
  argument,
  commandVector,
  debianSection,
  fileMode,
  longText,
  matching,
  oneLineText,
  positiveInteger,
  relativeDirectory,
  serviceName,
  spdxLicense,
  unitName,
} from './fields.js';
import { checkServiceRelations } from './cross-checks.js';
import { sandboxSchema } from './sandbox.js';
import { checkPackageLayout } from './layout-checks.js';
import { packageName, packagesSchema, packagingFields } from './layout-schema.js';

const changelogEntrySchema = z.strictObject(
  {
  version: matching(/^[0-9][A-Za-z0-9.+~]*$/, 'a version such as "1.0.0"').describe('Upstream version.'),
  date: matching(/^\d{4}-\d{2}-\d{2}$/, 'a date as "YYYY-MM-DD" (quote it in YAML)').describe('Release date.'),
    changes: z.array(oneLineText, { error: 'expected a list of changes' }).min(1, { error: 'expected at least one change' }),
  },
  { error: 'expected a mapping with version, date and changes' },
);

const packageSchema = z
  .strictObject({
    name: packageName.describe('Source package name (deb Source:, the changelog and copyright name it).'),
    version: matching(
      /^[0-9][A-Za-z0-9.+~]*$/,
      'an upstream version starting with a digit, e.g. "1.0.0" (quote it in YAML; no "-")',
    ).describe('Upstream version, without the package revision.'),
    revision: positiveInteger.default(1).describe('Package revision: Debian revision and RPM Release.'),
    maintainer: matching(/^[^<>\n]+ <[^<>@\s]+@[^<>\s]+>$/, 'a maintainer as "Name <email@example.org>"'),
    description: oneLineText.describe('One-line package summary.'),
    long_description: longText
      .optional()
      .describe('What the software does, in paragraphs: the long description of every package built from it.'),
    homepage: matching(/^https?:\/\/\S+$/, 'an http(s) URL').optional(),
    license: spdxLicense
      .optional()
      .describe('SPDX licence of the software (RPM License:, Debian copyright file); packaging requires it.'),
    copyright: oneLineText
      .optional()
      .describe('Copyright years and holders, e.g. "2026 The cinder authors"; packaging requires it.'),
    section: debianSection.default('misc').describe('Debian archive section of the packages.'),
    changelog: z.array(changelogEntrySchema, { error: 'expected a list of changelog entries' }).default([]),
    ...packagingFields,
  }, { error: 'expected a mapping with name, version, maintainer and description' })
  .describe('The package the services ship in.');

const reloadSchema = z
  .strictObject({
    command: commandVector.describe(
      'Synchronous reload client: asks the running service to reload and exits with the outcome.',
    ),
    check_command: commandVector.describe('Validates the configuration files without a running service.'),
    signal: z
      .enum(['SIGHUP', 'SIGUSR1', 'SIGUSR2'], { error: 'expected one of SIGHUP, SIGUSR1, SIGUSR2' })
      .default('SIGHUP')
      .describe('Signal the service treats as "reload" (systemd >= 253 sends it after check_command passed).'),
    timeout: positiveInteger.describe('Seconds the init system waits for a reload to finish.'),
  }, { error: 'expected a mapping with command, check_command and timeout' })
  .describe('How the init system reloads the service: always through the synchronous client or check + signal.');

const configFileMappingSchema = z.strictObject(
  {
    path: absolutePath,
    owner: accountName.optional().describe('Owner of the installed file (root when omitted).'),
    group: accountName.optional().describe("Group of the installed file (the service's group when omitted)."),
    mode: fileMode.optional().describe('Permissions as octal text (0640 when omitted).'),
  },
  { error: 'expected a mapping with path and optional owner, group, mode' },
);

/** A configuration file: a path (shipped as the package has it) or a mapping that also sets owner, group, mode. */
const configFileSchema = z
  .union([absolutePath, configFileMappingSchema], {
    error: 'expected an absolute path or a mapping with path and optional owner, group, mode',
  })
  .transform((entry) => (typeof entry === 'string' ? { path: entry } : entry));

const serviceSchema = z.strictObject({
  name: serviceName,
  description: oneLineText,
  long_description: longText
    .optional()
    .describe("What the service does, in paragraphs: its own package's long description (else the package's)."),
  exec: absolutePath.describe('Program to run in the foreground.'),
  args: z.array(argument, { error: 'expected a list of arguments' }).default([]),
  user: accountName
    .refine((name) => name !== 'nobody', {
      error: 'expected an account of the service\'s own, not "nobody" (files owned by nobody are shared with every other such service)',
    })
    .optional()
    .describe('Account the service runs as; root when omitted.'),
  group: accountName.optional().describe("Group the service runs as; the user's primary group when omitted."),
  config_files: z
    .array(configFileSchema, { error: 'expected a list of configuration files' })
    .default([])
    .describe('Configuration files the service reads; the package that ships them sets their owner, group and mode.'),
  environment_file: absolutePath.optional().describe('Optional KEY=value file read before start (may be missing).'),
  working_directory: absolutePath.optional(),
  runtime_directory: relativeDirectory.optional().describe('Directory under /run, created at start, owned by user.'),
  state_directory: relativeDirectory.optional().describe('Directory under /var/lib, owned by user.'),
  logs_directory: relativeDirectory.optional().describe('Directory under /var/log, owned by user.'),
  after: z.array(unitName, { error: 'expected a list of systemd unit names' }).default([]),
  wants: z.array(unitName, { error: 'expected a list of systemd unit names' }).default([]),
  requires: z.array(unitName, { error: 'expected a list of systemd unit names' }).default([]),
  reload: reloadSchema,
  drain_timeout: positiveInteger.describe('Seconds the service may take to drain in-flight work (its budget).'),
  stop_timeout: positiveInteger.describe('Seconds the init system waits for a stop; at least drain_timeout.'),
  restart: z
    .enum(['no', 'on-success', 'on-failure', 'on-abnormal', 'on-abort', 'always'], {
      error: 'expected one of no, on-success, on-failure, on-abnormal, on-abort, always',
    })
    .default('on-failure'),
  notify_access: z
    .enum(['main', 'exec', 'all'], { error: 'expected one of main, exec, all' })
    .default('all')
    .describe('Who may send sd_notify messages: "all" when the runtime falls back to systemd-notify.'),
  sandbox: sandboxSchema,
  on_upgrade: z
    .enum(['restart', 'reload', 'none'], { error: 'expected one of restart, reload, none' })
    .default('restart')
    .describe('What a package upgrade does to the running service.'),
  on_conffile_change: z
    .enum(['reload', 'none'], { error: 'expected one of reload, none' })
    .default('reload')
    .describe('What a change of only the configuration files does.'),
}, { error: 'expected a mapping describing one service' });

/** An option of the services' INI files as `section.option`, the form reload.end's `changed` uses. */
const iniOptionName = matching(
  /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/,
  'an option as "section.option", e.g. "DEFAULT.host" or "coordination.backend_url"',
);

const fleetSchema = z
  .strictObject({
    equal_options: z
      .array(iniOptionName, { error: 'expected a list of options as "section.option"' })
      .default([])
      .describe('Options that must hold the same value on every node of a cluster: a rollout refuses to change them unless told so.'),
    cluster_option: iniOptionName
      .optional()
      .describe('The option naming the cluster a node belongs to: a rollout never drains two nodes of one cluster at once.'),
  }, { error: 'expected a mapping with equal_options and optional cluster_option' })
  .describe('How a configuration change rolls over many nodes (the ansible target).');

/** The whole manifest: a package and the services it ships. */
export const manifestSchema = z
  .strictObject({
    package: packageSchema,
    services: z
      .array(serviceSchema, { error: 'expected a list of services' })
      .min(1, { error: 'expected at least one service' }),
    packages: packagesSchema.optional(),
    fleet: fleetSchema.default({ equal_options: [] }),
  }, { error: 'expected a mapping with package and services' })
  .superRefine(checkServiceRelations)
  .superRefine(checkPackageLayout)
  .describe('reloadkit.yaml: a package and its reloadable services.');

/** A validated manifest with every default filled in. */
export type Manifest = z.output<typeof manifestSchema>;
/** One service of a validated manifest. */
export type ServiceManifest = Manifest['services'][number];
/** One entry of a service's config_files, the string form turned into `{ path }`. */
export type ConfigFileManifest = ServiceManifest['config_files'][number];
/** One binary package of a validated manifest's `packages`. */
export type BinaryPackageManifest = NonNullable<Manifest['packages']>[number];
/** A manifest as written in YAML, before defaults. */
export type ManifestInput = z.input<typeof manifestSchema>;
