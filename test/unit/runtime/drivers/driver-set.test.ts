import t from 'tap';
import { DriverSet } from '../../../../runtime/drivers/driver-set.js';
import { DriverSlot } from '../../../../runtime/drivers/driver-slot.js';
import type { DriverSpec } from '../../../../runtime/drivers/driver-spec.js';
import type { Generation } from '../../../../runtime/drivers/generation.js';
import { ConfigSnapshot } from '../../../../runtime/config/snapshot.js';

const config = new ConfigSnapshot(new Map([['DEFAULT', { backends: ['a', 'b', 'a'] }]]), new Map(), []);

t.test('targets follow the sections each kind names (duplicates once), in declaration order', async (t) => {
  const specs: DriverSpec[] = [
    { kind: 'volume', sections: (c) => c.get('DEFAULT', 'backends') as string[], create: () => ({}) },
    { kind: 'cache', sections: () => ['DEFAULT'], create: () => ({}) },
  ];
  const set = new DriverSet(specs, { onRetired: () => {}, onCloseError: () => {} });
  t.same(set.listTargets(config).map((target) => target.key), ['volume:a', 'volume:b', 'cache:DEFAULT']);
});

t.test('retiring: reported when closed, close errors reported, whenDrained waits for all', async (t) => {
  const retired: string[] = [];
  const errors: string[] = [];
  const spec: DriverSpec = {
    kind: 'v', sections: () => ['a', 'b'], create: ({ section }) => ({ section }),
    close: (d: { section: string }) => { if (d.section === 'b') throw new Error('close failed'); },
  };
  const set = new DriverSet([spec], {
    onRetired: (g: Generation, ops) => retired.push(`${g.key}#${g.number} after ${ops}`),
    onCloseError: (g: Generation, e) => errors.push(`${g.key}: ${(e as Error).message}`),
  });
  const [a, b] = await set.buildAll(set.listTargets(config), config);
  set.slots.set(a!.key, new DriverSlot(spec, 'a', a!));
  const end = a!.tracker.begin();
  const aRetired = set.retire(a!, 1);
  void set.retire(b!, 1);
  t.same([...set.retiring].map((g) => g.key), ['v:a', 'v:b']);
  t.equal(set.slots.get('v:a')?.draining.size, 0, 'a slot lists only replaced generations that are no longer current');
  let drained = false;
  const whenDrained = set.whenDrained().then(() => { drained = true; });
  await new Promise((r) => setTimeout(r, 5));
  t.notOk(drained);
  end();
  await aRetired;
  await whenDrained;
  t.same(retired, ['v:a#1 after 1']);
  t.same(errors, ['v:b: close failed']);
  t.equal(set.retiring.size, 0);
});

t.test('install: new keys open slots; a known key replaces the current generation, which retires with the removed slots', async (t) => {
  const closed: string[] = [];
  const spec: DriverSpec = {
    kind: 'v', sections: (c) => c.get('DEFAULT', 'backends') as string[], create: ({ key, generation }) => ({ key, generation }),
    close: (d: { key: string; generation: number }) => { closed.push(`${d.key}#${d.generation}`); },
  };
  const retired: string[] = [];
  const set = new DriverSet([spec], { onRetired: (g: Generation) => retired.push(`${g.key}#${g.number} by ${g.replacedBy}`), onCloseError: () => {} });
  const first = await set.buildAll(set.listTargets(config), config);
  t.equal(await set.install(first, { reloadId: 0 }), undefined, 'start-up: nothing to retire');
  t.same([...set.slots.keys()], ['v:a', 'v:b']);
  const slotA = set.slots.get('v:a');
  const [a2] = await set.buildAll([{ spec, section: 'a', key: 'v:a' }], config);
  const drained = set.install([a2!], { reloadId: 7, removed: [set.slots.get('v:b')!] });
  t.equal(set.slots.get('v:a'), slotA, 'the slot (and its gate) stays; only its generation changes');
  t.same([set.slots.get('v:a')?.current.number, [...set.slots.keys()]], [2, ['v:a']]);
  await drained;
  t.same(retired.sort(), ['v:a#1 by 7', 'v:b#1 by 7']);
  t.same(closed.sort(), ['v:a#1', 'v:b#1']);
});
