// The JSON Schema of reloadkit.yaml, generated from the same definition that validates it.
import { z } from 'zod';
import { manifestSchema } from './schema.js';

/** JSON Schema (draft 2020-12) describing the manifest as users write it (defaults are optional). */
export function generateManifestJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(manifestSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'reloadkit.yaml',
  };
}
