// The problems validateManifest reports for a manifest value, one line each ([] when it is valid).
import { ManifestError, validateManifest } from '../../generators/manifest/index.js';

/** Validates `value` as if read from `file` and returns the error's lines; other errors propagate. */
export function manifestProblems(value: unknown, file = 'm.yaml'): string[] {
  try {
    validateManifest(value, file);
    return [];
  } catch (error) {
    if (!(error instanceof ManifestError)) throw error;
    return error.message.split('\n');
  }
}
