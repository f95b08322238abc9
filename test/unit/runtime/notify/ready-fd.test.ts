// Readiness on a descriptor: one newline, then the descriptor is closed; bad values are reported, not thrown.
import { fstatSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { createReadyFdNotifier } from '../../../../runtime/notify/ready-fd.js';

t.test('unset: no notifier', async (t) => {
  t.equal(createReadyFdNotifier({}), undefined);
  t.equal(createReadyFdNotifier({ RELOADKIT_READY_FD: '' }), undefined);
});

t.test('writes one newline to the descriptor and closes it, once', async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'reloadkit-ready-fd-'));
  t.teardown(() => rmSync(directory, { recursive: true, force: true }));
  const file = join(directory, 'ready');
  const fd = openSync(file, 'w');
  const errors: Error[] = [];
  const notifier = createReadyFdNotifier({ RELOADKIT_READY_FD: String(fd) }, (error) => errors.push(error));
  t.equal(notifier?.fd, fd);
  notifier?.ready();
  notifier?.ready();
  t.equal(readFileSync(file, 'utf8'), '\n');
  t.throws(() => fstatSync(fd), { code: 'EBADF' }, 'the descriptor is closed');
  t.same(errors, []);
});

t.test('a value that is no descriptor number >= 3 is reported and ignored', async (t) => {
  for (const value of ['1', 'three', '3x', '-4']) {
    const errors: Error[] = [];
    t.equal(createReadyFdNotifier({ RELOADKIT_READY_FD: value }, (error) => errors.push(error)), undefined);
    t.same(errors.map((error) => error.message), [
      `RELOADKIT_READY_FD: expected a file descriptor number of 3 or more, got ${JSON.stringify(value)}; readiness is not announced`,
    ]);
  }
});

t.test('a descriptor that is not open is reported, not thrown', async (t) => {
  const errors: Error[] = [];
  createReadyFdNotifier({ RELOADKIT_READY_FD: '987' }, (error) => errors.push(error))?.ready();
  t.match(errors.map((error) => error.message), [/^RELOADKIT_READY_FD=987: cannot announce readiness: EBADF/]);
});
