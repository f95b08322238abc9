// The scheduler's cache driver: computed once, reservations kept in it, gone when closed.
import t from 'tap';
import { createCapabilitiesDriver } from '../../../../../examples/cinder/cinder-scheduler/capabilities-driver.js';
import { makeDriverContext } from '../../../../helpers/driver-context.js';

t.test('caches capabilities and reservations per generation', async (t) => {
  const driver = createCapabilitiesDriver(makeDriverContext('capabilities', 'backend_a', { backend_a: { capacity_gb: 100, volume_backend_name: 'fast' } }, {}, 3));
  t.same(driver.capabilities(), { backend: 'backend_a', volumeBackendName: 'fast', capacityGb: 100, freeGb: 100 });
  t.equal(driver.reserve(60), true);
  t.equal(driver.reserve(60), false, 'does not fit any more');
  t.equal(driver.capabilities().freeGb, 40);
  t.equal(driver.cacheHits, 3);
  t.equal(driver.generation, 3);
  driver.close();
  t.throws(() => driver.capabilities(), { message: 'capabilities cache of [backend_a] generation 3 is closed' });
});

t.test('without volume_backend_name the section name is reported', async (t) => {
  const driver = createCapabilitiesDriver(makeDriverContext('capabilities', 'b', { b: { capacity_gb: 5 } }));
  t.equal(driver.capabilities().volumeBackendName, 'b');
});
