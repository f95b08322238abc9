// reload and status against a real control server with a scripted handler: output and exit codes.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReloadEndEvent } from '../../../../runtime/model/events.js';
import { startControlServer } from '../../../../runtime/control/server.js';
import { parseCommandLine } from '../../../../runtime/cli/arguments.js';
import { runReloadCommand, runStatusCommand } from '../../../../runtime/cli/client-commands.js';
import type { RuntimeStatus } from '../../../../runtime/status.js';

const status: RuntimeStatus = {
  service: 'svc', pid: 1, state: 'ready', generations: {}, inFlight: {}, trackedInFlight: 0, draining: [], configFiles: [],
};

const end: ReloadEndEvent = {
  event: 'reload.end', service: 'svc', pid: 1, id: 2, trigger: 'control-socket', time: 'T', outcome: 'succeeded',
  changed: ['DEFAULT.debug'], restartRequired: [], reinitialised: [], durationMs: 4,
};
const service = { name: 'svc' };

async function run(kind: 'reload' | 'status', argv: string[]) {
  let out = '';
  let err = '';
  const io = { out: (s: string) => (out += s), err: (s: string) => (err += s) };
  const command = parseCommandLine([kind, ...argv]);
  const code = kind === 'reload' ? await runReloadCommand(service, command, io) : await runStatusCommand(service, command, io);
  return { code, out, err };
}

t.test('reload: progress and outcome, exit 0 / 1 / 7 and timeout', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'client-cmd-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'c.sock');
  let next: ReloadEndEvent = end;
  let delayMs = 0;
  const server = await startControlServer(path, {
    reload: async ({ onProgress }) => {
      onProgress({ event: 'reload.start', service: 'svc', pid: 1, id: 2, trigger: 'control-socket', time: 'T' });
      await new Promise((r) => setTimeout(r, delayMs));
      return next;
    },
    status: () => status,
  });
  t.teardown(() => server.close());

  t.same(await run('reload', ['--control-socket', path]), {
    code: 0,
    out: `svc: asking the running service to reload (control socket ${path})\nsvc: reload 2 started (trigger: control-socket)\nsvc: reload 2 succeeded in 4 ms; changed: DEFAULT.debug; re-initialised: none\n`,
    err: '',
  });
  next = { ...end, outcome: 'aborted', changed: [], error: { message: 'drain budget of 1 s ran out' } };
  const aborted = await run('reload', ['--control-socket', path]);
  t.equal(aborted.code, 1);
  t.equal(aborted.err, 'svc: reload 2 aborted in 4 ms: drain budget of 1 s ran out\nthe service keeps running with its previous configuration\n');

  delayMs = 1000;
  const slow = await run('reload', ['--control-socket', path, '--timeout', '0.2']);
  t.equal(slow.code, 1);
  t.equal(slow.err, `svc: reload: no answer on control socket ${path} within 0.2 s; the service may still finish the request\n`);

  t.same(await run('status', ['--control-socket', path]), { code: 0, out: JSON.stringify(status, null, 2) + '\n', err: '' });
  await server.close();
  t.equal((await run('reload', ['--control-socket', path])).code, 7);
  t.equal((await run('status', ['--control-socket', path])).code, 3);
});
