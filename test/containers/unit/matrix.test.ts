import t from 'tap';
import { targets } from '../../../generators/registry.js';
import { matrix, selectRows } from '../matrix.js';

const service = { name: 'svc', logFiles: [], reloadClient: 'svc reload' };

t.test('the matrix covers every init target of the registry, each row once', async (t) => {
  const initTargets = targets.filter((target) => target.kind === 'init').map((target) => target.name);
  t.ok(initTargets.length > 0, 'the registry lists init targets');
  t.same([...new Set(matrix.map((row) => row.profile.target))].sort(), [...initTargets].sort(),
    'every init target has a row whose PID 1 runs its files, and every row runs a registered target');
  for (const row of matrix) t.ok(initTargets.includes(row.profile.target), `${row.id}: ${row.profile.target} is a registered init target`);
  const unitVariants = new Set(matrix.filter((row) => row.profile.pid1Comm === 'systemd').map((row) => (row.systemdVersion >= 253 ? 'notify-reload' : 'notify')));
  t.same([...unitVariants].sort(), ['notify', 'notify-reload'], 'systemd runs both the 252 units and the notify-reload (>= 253) ones');
  t.equal(new Set(matrix.map((row) => row.id)).size, matrix.length, 'row ids are unique');
  for (const row of matrix) {
    t.ok(row.include.includes('nodejs'), `${row.id} includes Debian's nodejs`);
    t.ok(row.reloadCommands(service).length > 0, `${row.id} has a reload command to test`);
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
