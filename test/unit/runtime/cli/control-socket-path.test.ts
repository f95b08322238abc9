// The client finds control_socket leniently: a broken file elsewhere must still reach the service.
import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findControlSocket, locateControlSocket } from '../../../../runtime/cli/control-socket-path.js';
import { findSourceRoot } from '../../../helpers/source-root.js';

t.test('reads [DEFAULT] control_socket, last one wins, ignores other sections and syntax errors', async (t) => {
  t.equal(findControlSocket('[DEFAULT]\ncontrol_socket = /run/a.sock\n[backend]\ncontrol_socket = /no\n'), '/run/a.sock');
  t.equal(findControlSocket('control_socket=/run/a.sock\nthis is ] not ini\ncontrol_socket : /run/b.sock\n'), '/run/b.sock');
  t.equal(findControlSocket('[DEFAULT]\n'), undefined);
});

t.test('--control-socket, then the files in order, then the default', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sockpath-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a.conf'), '[DEFAULT]\ncontrol_socket = /run/a.sock\n');
  writeFileSync(join(dir, 'b.conf'), '[DEFAULT]\ndebug = maybe\ncontrol_socket = /run/b.sock\n');
  const files = [join(dir, 'a.conf'), join(dir, 'b.conf')];
  t.equal(await locateControlSocket('svc', '/x.sock', { configFiles: files }), '/x.sock');
  t.equal(await locateControlSocket('svc', undefined, { configFiles: files }), '/run/b.sock');
  t.equal(await locateControlSocket('svc', undefined, { configFiles: [join(dir, 'missing.conf')] }), '/run/svc/control.sock');
  t.equal(await locateControlSocket('svc', undefined, { configDirs: [dir] }), '/run/b.sock');
});

t.test('the reload client stays light: its static imports never reach the resolver, snapshot or option types', async (t) => {
  const { readFileSync: read } = await import('node:fs');
  const { dirname: dir, resolve: resolvePath } = await import('node:path');
  // The sources, also when this test runs compiled (under Node 18, test/integration/node18/).
  const root = join(findSourceRoot(import.meta.url), 'runtime');
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = read(file, 'utf8');
    for (const match of text.matchAll(/^(?:import|export) (?!type )[^;]*? from '(\.[^']+)'/gm)) {
      visit(resolvePath(dir(file), match[1]!.replace(/\.js$/, '.ts')));
    }
  };
  visit(join(root, 'cli', 'client-commands.ts'));
  const reached = [...seen].map((file) => file.slice(root.length + 1));
  t.ok(reached.includes('config/sources.ts') && reached.includes('config/ini-parser.ts'), `uses sources.ts and the tokenizer: ${reached.join(', ')}`);
  for (const heavy of ['config/resolve.ts', 'config/snapshot.ts', 'config/option-types.ts', 'config/options.ts', 'config/value-reader.ts', 'config/loader.ts']) {
    t.notOk(reached.includes(heavy), `${heavy} is not loaded by reload/status`);
  }
});
