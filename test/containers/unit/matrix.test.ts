import t from 'tap';
import { matrix, selectRows } from '../matrix.js';

t.test('the matrix covers every init system the project supports, each row once', async (t) => {
  t.same(
    matrix.map((row) => `${row.suite}/${row.profile.init}`),
    ['bookworm/systemd', 'trixie/systemd', 'bookworm/sysvinit', 'bookworm/openrc', 'bookworm/runit'],
  );
  t.equal(new Set(matrix.map((row) => row.id)).size, matrix.length, 'row ids are unique');
  for (const row of matrix) {
    t.ok(row.include.includes('nodejs'), `${row.id} includes Debian's nodejs`);
    t.ok(row.reloadCommands('svc').length > 0, `${row.id} has a reload command to test`);
    t.notOk(row.profile.runOptions.includes('--privileged'), `${row.id} is not privileged`);
    t.notOk(row.profile.runOptions.some((option) => option.startsWith('--network')), `${row.id} keeps its own network namespace`);
  }
});

t.test('selectRows: empty means all, a list picks rows, an unknown id is refused', async (t) => {
  t.equal(selectRows(undefined).length, matrix.length);
  t.equal(selectRows(' ').length, matrix.length);
  t.same(selectRows('bookworm-runit, trixie-systemd').map((row) => row.id), ['trixie-systemd', 'bookworm-runit']);
  t.throws(() => selectRows('bookworm-upstart'), {
    name: 'HarnessError',
    message: `RELOADKIT_CONTAINER_ROWS: unknown row "bookworm-upstart"; expected some of ${matrix.map((row) => row.id).join(', ')}`,
  });
});
