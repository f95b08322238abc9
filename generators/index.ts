// The generators' public API (the `reloadkit` package's main export): read a manifest, list the targets, generate.

/** Reading and validating reloadkit.yaml, and its JSON Schema. */
export {
  parseManifest,
  validateManifest,
  manifestSchema,
  generateManifestJsonSchema,
  ManifestError,
  formatProblem,
  type Manifest,
  type ManifestInput,
  type ManifestProblem,
  type ServiceManifest,
  type ConfigFileManifest,
} from './manifest/index.js';
/** Every registered target, and finding one by name. */
export { targets, findTarget, acceptedTargetNames } from './registry.js';
/** What a target is and produces. */
export type { Target, TargetKind, TargetOptions, GeneratedFile, ShellContent, PackagedAs } from './target.js';
/** Writing generated files under a directory, as installed. */
export { writeGeneratedFiles } from './cli/write-files.js';
