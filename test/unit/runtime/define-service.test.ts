import t from 'tap';
import { defineService } from '../../../runtime/define-service.js';

const create = () => ({});
const sections = () => [];

t.test('completes the schema with the standard options and freezes the definition', async (t) => {
  const service = defineService({ name: 'cinder-volume', drivers: [{ kind: 'volume', sections, create }] });
  t.ok(service.schema.DEFAULT.control_socket);
  t.equal(service.drivers.length, 1);
  t.ok(Object.isFrozen(service));
});

t.test('refuses definitions that cannot work, saying why', async (t) => {
  t.throws(() => defineService({ name: 'bad name' }), new TypeError('service name "bad name": expected letters, digits, ".", "_", "-", "@"'));
  t.throws(() => defineService({ name: 's', drivers: [{ kind: 'v', sections, create }, { kind: 'v', sections, create }] }),
    new TypeError('service s: driver kind "v" is declared twice'));
  t.throws(() => defineService({ name: 's', drivers: [{ kind: 'v', sections, create, mode: 'both' as never }] }),
    new TypeError('service s: driver v mode: expected "overlap" or "exclusive", got "both"'));
  t.throws(() => defineService({ name: 's', drivers: [{ kind: 'v', sections, create, dependsOn: ['nope'] }] }),
    new TypeError('service s: driver v dependsOn "nope", which is not a declared [DEFAULT] option'));
});
