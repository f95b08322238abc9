// Public face of the manifest: its types, parsing, validation and JSON Schema.
export type { BinaryPackageManifest, ConfigFileManifest, Manifest, ManifestInput, ServiceManifest } from './schema.js';
export { manifestSchema } from './schema.js';
export { parseLocatedManifest, parseManifest, type LocatedManifest } from './parse.js';
export { validateManifest, type LineLocator } from './validate.js';
export { defaultCodeRoot } from './layout-checks.js';
export { ManifestError, formatProblem, type ManifestProblem } from './errors.js';
export { generateManifestJsonSchema } from './json-schema.js';
export {
  PROCESS_NAME_LENGTH,
  resolveConfigFileAttributes,
  serviceGroup,
  type ConfigFileAttributes,
} from './cross-checks.js';
