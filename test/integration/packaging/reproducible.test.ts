// Same input and SOURCE_DATE_EPOCH → byte-identical packages, even when built at different times.
import t from 'tap';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildCinderPackages } from '../../helpers/packaging/cinder-packages.js';

t.setTimeout(300_000);

const epoch = 1_790_000_000;
const work = await mkdtemp(join(tmpdir(), 'packaging-reproducible-'));
t.teardown(() => rm(work, { recursive: true, force: true }));
const first = await buildCinderPackages(join(work, 'first'), { formats: ['deb', 'rpm'], sourceDateEpoch: epoch });
// At least one second apart, so that a timestamp leaking from the clock would show.
await new Promise((resolve) => setTimeout(resolve, 1100));
const second = await buildCinderPackages(join(work, 'second'), { formats: ['deb', 'rpm'], sourceDateEpoch: epoch });

t.same(second.map((p) => basename(p)), first.map((p) => basename(p)), 'the same packages');
for (const [index, path] of first.entries()) {
  t.test(`${basename(path)} is byte-identical when rebuilt`, async (t) => {
    const [a, b] = await Promise.all([readFile(path), readFile(second[index] as string)]);
    t.ok(a.equals(b), `${basename(path)}: ${a.length} bytes vs ${b.length} bytes`);
  });
}

t.test('a different SOURCE_DATE_EPOCH changes the .deb (the timestamp is really used)', async (t) => {
  const other = await buildCinderPackages(join(work, 'other'), { formats: ['deb'], sourceDateEpoch: epoch + 86_400 });
  const [a, b] = await Promise.all([readFile(first[0] as string), readFile(other[0] as string)]);
  t.notOk(a.equals(b));
});
