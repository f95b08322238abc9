// The JSON Schema comes from the same definition: its keys, required fields and strictness match validation.
import t from 'tap';
import { generateManifestJsonSchema } from '../../../../generators/manifest/index.js';

t.test('the schema describes the manifest as written', async (t) => {
  const schema = generateManifestJsonSchema() as {
    title: string;
    required: string[];
    additionalProperties: boolean;
    properties: { services: { items: { required: string[]; additionalProperties: boolean; properties: Record<string, unknown> } } };
  };
  t.equal(schema.title, 'reloadkit.yaml');
  t.same(schema.required, ['package', 'services']);
  t.equal(schema.additionalProperties, false, 'unknown keys are refused');
  const service = schema.properties.services.items;
  t.equal(service.additionalProperties, false);
  t.same(service.required, ['name', 'description', 'exec', 'reload', 'drain_timeout', 'stop_timeout'], 'fields with defaults are optional');
  t.match(service.properties.on_upgrade, { enum: ['restart', 'reload', 'none'], default: 'restart' });
  t.match(service.properties.sandbox, {
    additionalProperties: false,
    properties: { capabilities: { type: 'array' }, address_families: { type: 'array' }, writable_paths: { type: 'array' }, limit_nofile: { type: 'integer' } },
  }, 'sandbox: a strict mapping of the four grants');
});
