// runServiceMain: reload and status run without importing the service; every other command imports it.
import t from 'tap';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineService } from '../../../../runtime/define-service.js';
import { loadService, runClientCommand } from '../../../../runtime/cli/run-service-main.js';
import { runsCompiled } from '../../../helpers/source-root.js';

// From source through tsx; compiled (under Node 18, test/integration/node18/) as plain JavaScript.
const compiled = runsCompiled(import.meta.url);
const MAIN = fileURLToPath(new URL(`../../../helpers/marked-service/main.${compiled ? 'js' : 'ts'}`, import.meta.url));
const LOADER = compiled ? [] : ['--import', 'tsx'];

/** Runs the marked service's entry point in a new Node process; says whether it imported the service. */
function runMarked(t: { teardown: (fn: () => void) => void }, argv: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'run-service-main-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const marker = join(dir, 'marker');
  const conf = join(dir, 'marked.conf');
  writeFileSync(conf, `[DEFAULT]\ncontrol_socket = ${join(dir, 'control.sock')}\n`);
  const child = spawnSync(process.execPath, [...LOADER, MAIN, ...argv.map((a) => a.replace('CONF', conf))], {
    encoding: 'utf8', env: { ...process.env, MARKED_SERVICE_MARKER: marker }, timeout: 60000,
  });
  const imported = existsSync(marker) ? readFileSync(marker, 'utf8') : '';
  return { code: child.status, stderr: child.stderr.replaceAll(dir, 'DIR'), imported: imported === 'imported\n' };
}

t.test('reload and status do not import the service, and answer as runService does', async (t) => {
  t.same(runMarked(t, ['reload', '--config-file', 'CONF']), {
    code: 7, imported: false,
    stderr: 'marked-svc: reload: the service is not running: the socket file does not exist (control socket DIR/control.sock)\n',
  });
  t.same(runMarked(t, ['status', '--config-file', 'CONF']), {
    code: 3, imported: false,
    stderr: 'marked-svc: status: the service is not running: the socket file does not exist (control socket DIR/control.sock)\n',
  });
});

t.test('check-config and usage errors import the service and go through runService', async (t) => {
  t.same(runMarked(t, ['check-config', '--config-file', 'CONF']), { code: 0, imported: true, stderr: '' });
  t.same(runMarked(t, ['status', '--wait-drained']), {
    code: 2, imported: true,
    stderr: "marked-svc: option --wait-drained is not valid for \"status\" (valid: --config-file, --config-dir, --control-socket, --timeout)\nTry 'marked-svc --help'.\n",
  });
});

t.test('runClientCommand handles only reload and status', async (t) => {
  const io = { out: () => undefined, err: () => undefined };
  for (const argv of [[], ['run'], ['check-config'], ['--help'], ['--version'], ['reboot']]) {
    t.equal(await runClientCommand({ name: 'svc' }, argv, io), undefined, `${JSON.stringify(argv)} is left to runService`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'run-service-main-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  t.equal(await runClientCommand({ name: 'svc' }, ['status', '--control-socket', join(dir, 'none.sock')], io), 3);
});

t.test('an entry point that names the service differently from the loaded one is refused on load', async (t) => {
  const service = defineService({ name: 'real-svc', defaultConfigFiles: ['/etc/real.conf'] });
  t.equal(await loadService({ name: 'real-svc', defaultConfigFiles: ['/etc/real.conf'], load: async () => service }), service);
  await t.rejects(loadService({ name: 'other-svc', load: async () => service }), {
    message: 'runServiceMain: the entry point describes the service as {"name":"other-svc","defaultConfigFiles":[]} '
      + 'but the loaded service is {"name":"real-svc","defaultConfigFiles":["/etc/real.conf"]}; reload and status would look for the wrong control socket',
  });
});
