// What the manifest checks report: validateManifest's problems for a value, parseManifest's message for a text.
import { ManifestError, parseManifest, validateManifest } from '../../generators/manifest/index.js';

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

/** parseManifest's message for `text` read as `file`; throws when the text is accepted. */
export function manifestMessage(text: string, file = 'reloadkit.yaml'): string {
  try {
    parseManifest(text, file);
  } catch (error) {
    if (error instanceof ManifestError) return error.message;
    throw error;
  }
  throw new Error('expected the manifest to be refused');
}
