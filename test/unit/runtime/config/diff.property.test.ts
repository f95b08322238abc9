// Properties of the config diff over generated configurations: a configuration diffed against itself
// changes nothing, and a reload of an unchanged file re-initialises nothing.
import t from 'tap';
import fc from 'fast-check';
import { diffConfig } from '../../../../runtime/config/diff.js';
import { parseIni } from '../../../../runtime/config/ini-parser.js';
import { resolveConfig } from '../../../../runtime/config/resolve.js';
import { createFakeService, startFakeRuntime, writeConfigText } from '../../../helpers/fake-drivers.js';

const { schema } = createFakeService().service;

/** Backends (name → san_port) and a label: the configurations the fake service accepts. */
const configuration = fc.record({
  ports: fc.dictionary(fc.stringMatching(/^b[a-z0-9_]{0,6}$/), fc.integer({ min: 1, max: 65535 }), { minKeys: 1, maxKeys: 5 }),
  label: fc.stringMatching(/^[A-Za-z0-9 ._-]{0,12}$/).map((s) => s.trim()),
});

const load = (text: string) => resolveConfig([parseIni(text, 'x.conf')], schema, ['x.conf']);

t.test('diff(a, a) is empty, whatever a is', async (t) => {
  fc.assert(fc.property(configuration, ({ ports, label }) => {
    const text = writeConfigText(ports, [`label = ${label}`]);
    const diff = diffConfig(load(text), load(text), schema);
    return diff.changed.length === 0 && diff.restartRequired.length === 0 && diff.changedSections.length === 0
      && diff.addedSections.length === 0 && diff.removedSections.length === 0;
  }), { numRuns: 300 });
  t.pass('300 configurations');
});

t.test('a reload of an unchanged file re-initialises nothing', async (t) => {
  await fc.assert(fc.asyncProperty(configuration, async ({ ports, label }) => {
    const teardowns: Array<() => unknown> = [];
    try {
      const f = await startFakeRuntime((fn) => teardowns.push(fn), 'overlap', ports, [`label = ${label}`]);
      const end = await f.rt.reload();
      return end.outcome === 'succeeded' && end.changed.length === 0 && end.reinitialised.length === 0 && f.buildsBegun.length === Object.keys(ports).length;
    } finally {
      for (const fn of teardowns) await fn();
    }
  }), { numRuns: 25 });
  t.pass('25 configurations');
});
