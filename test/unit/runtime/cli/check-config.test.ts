// check-config on real files: valid, invalid (every problem listed), no file found.
import t from 'tap';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineService, opt } from '../../../../runtime/index.js';
import { runCheckConfigCommand } from '../../../../runtime/cli/check-config.js';
import { parseCommandLine } from '../../../../runtime/cli/arguments.js';

const service = defineService({
  name: 'svc',
  defaultConfigFiles: ['/nonexistent/svc.conf'],
  options: { DEFAULT: { workers: opt.int({ min: 1, default: 1, mutable: true }), listen: opt.hostPort({ default: '127.0.0.1:1' }) } },
});

async function check(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCheckConfigCommand(service, parseCommandLine(['check-config', ...argv]), { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

t.test('valid, invalid and missing configurations', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'check-config-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const good = join(dir, 'good.conf');
  writeFileSync(good, '[DEFAULT]\nworkers = 4\n');
  t.same(await check(['--config-file', good]), { code: 0, out: `svc: configuration is valid (${good})\n`, err: '' });

  const bad = join(dir, 'bad.conf');
  writeFileSync(bad, '[DEFAULT]\nworkers = 0\nlisten = nowhere\n');
  t.same(await check(['--config-file', bad]), {
    code: 1,
    out: '',
    err: `svc: invalid configuration:\n${bad}:2: [DEFAULT] workers: expected an integer >= 1, got "0"\n${bad}:3: [DEFAULT] listen: expected host:port with a port from 1 to 65535 (IPv6 as [::1]:80), got "nowhere"\n`,
  });

  t.same(await check([]), { code: 1, out: '', err: 'svc: check-config: no configuration file found at /nonexistent/svc.conf\n' });
  const empty = join(dir, 'empty.d');
  mkdirSync(empty);
  t.same(await check(['--config-dir', empty]), { code: 1, out: '', err: 'svc: check-config: no configuration file found in the given directories\n' });
});
