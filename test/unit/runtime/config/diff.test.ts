import t from 'tap';
import { diffConfig } from '../../../../runtime/config/diff.js';
import { parseIni } from '../../../../runtime/config/ini-parser.js';
import { resolveConfig } from '../../../../runtime/config/resolve.js';
import { createFakeService, writeConfigText } from '../../../helpers/fake-drivers.js';

const { schema } = createFakeService().service;
const snapshotOf = (text: string) => resolveConfig([parseIni(text, 'c.conf')], schema, ['c.conf']);

t.test('no change: nothing changed, nothing to restart', async (t) => {
  const text = writeConfigText({ a: 1 });
  const diff = diffConfig(snapshotOf(text), snapshotOf(text), schema);
  t.same([diff.changed, diff.restartRequired, diff.changedSections, diff.addedSections, diff.removedSections], [[], [], [], [], []]);
});

t.test('mutable changes are applied; immutable ones are reported and keep the running value and source', async (t) => {
  const running = snapshotOf(writeConfigText({ a: 1, b: 2 }, ['listen = 127.0.0.1:1', 'label = old']));
  const next = snapshotOf(writeConfigText({ a: 5, b: 2 }, ['listen = 127.0.0.1:2', 'label = new']).replace('[b]', '[b]\npool = q'));
  const diff = diffConfig(running, next, schema);
  t.same(diff.changed, ['DEFAULT.label', 'a.san_port']);
  t.same(diff.restartRequired, ['DEFAULT.listen', 'b.pool']);
  t.same(diff.changedSections, ['DEFAULT', 'a'], 'b only had an immutable change: its applied values did not change');
  t.same(diff.applied.get('DEFAULT', 'listen'), { host: '127.0.0.1', port: 1 });
  t.same(diff.applied.sourceOf('DEFAULT', 'listen'), running.sourceOf('DEFAULT', 'listen'));
  t.equal(diff.applied.get('b', 'pool'), 'p');
  t.equal(diff.applied.sourceOf('b', 'pool'), undefined);
  t.equal(diff.applied.get('DEFAULT', 'label'), 'new');
  t.equal(diff.applied.get('a', 'san_port'), 5);
});

t.test('added and removed sections', async (t) => {
  const diff = diffConfig(snapshotOf(writeConfigText({ a: 1, b: 2 })), snapshotOf(writeConfigText({ a: 1, c: 3 })), schema);
  t.same(diff.addedSections, ['c']);
  t.same(diff.removedSections, ['b']);
  t.same(diff.changed, ['DEFAULT.enabled_backends', 'c.san_port', 'c.pool']);
  t.same(diff.applied.sections(), ['DEFAULT', 'oslo_messaging_notifications', 'a', 'c'], 'the standard [oslo_messaging_notifications] is always there');
  t.same(diff.restartRequired, []);
});
