// runCommand without a running service: help, version, usage errors and their exit codes.
import t from 'tap';
import { defineService } from '../../../../runtime/index.js';
import { runCommand } from '../../../../runtime/cli/run-service.js';
import { formatUsage } from '../../../../runtime/cli/usage.js';

const service = defineService({ name: 'demo-svc', defaultConfigFiles: ['/etc/demo/demo.conf'] });

/** Runs a command line and collects what it writes. */
async function run(argv: string[], version?: string) {
  let out = '';
  let err = '';
  const code = await runCommand(service, argv, { version }, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

t.test('--help prints the usage, --version the given or the runtime version', async (t) => {
  t.same(await run(['--help']), { code: 0, out: formatUsage('demo-svc', ['/etc/demo/demo.conf']), err: '' });
  t.same(await run(['--version']), { code: 0, out: 'demo-svc 0.1.0\n', err: '' });
  t.same(await run(['--version'], '2.3.4'), { code: 0, out: 'demo-svc 2.3.4\n', err: '' });
});

t.test('usage errors exit 2 with a hint', async (t) => {
  t.same(await run(['reboot']), { code: 2, out: '', err: "demo-svc: unknown command \"reboot\" (commands: run, reload, check-config, status)\nTry 'demo-svc --help'.\n" });
  t.same(await run(['status', '--wait-drained']), {
    code: 2, out: '', err: "demo-svc: option --wait-drained is not valid for \"status\" (valid: --config-file, --config-dir, --control-socket, --timeout)\nTry 'demo-svc --help'.\n",
  });
});
