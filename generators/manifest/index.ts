// Public face of the manifest: its types, parsing, validation and JSON Schema.
export type { ConfigFileManifest, Manifest, ManifestInput, ServiceManifest } from './schema.js';
export { manifestSchema } from './schema.js';
export { parseManifest } from './parse.js';
export { validateManifest } from './validate.js';
export { ManifestError, formatProblem, type ManifestProblem } from './errors.js';
export { generateManifestJsonSchema } from './json-schema.js';
export {
  PROCESS_NAME_LENGTH,
  resolveConfigFileAttributes,
  serviceGroup,
  type ConfigFileAttributes,
} from './cross-checks.js';
