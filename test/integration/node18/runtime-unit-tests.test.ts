// The runtime's unit tests (test/unit/runtime/**) on Debian 12's Node.js 18, what servers run: compiled to
// JavaScript and each file run by that node (tap's test API runs there; its runner needs Node 20).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import t from 'tap';
import { compileRuntimeTests, listRuntimeTestSources } from '../../helpers/node18/compiled-runtime-tests.js';
import { findNode18, node18Command } from '../../helpers/node18/find-node18.js';
import { projectRoot } from '../../helpers/packaging/compiled-build.js';

t.setTimeout(900_000);

/** tap's module mocking (t.mockImport) needs its loader, which tap's runner adds under Node 20. */
const MOCK_LOADER = pathToFileURL(join(projectRoot, 'node_modules', '@tapjs', 'mock', 'dist', 'esm', 'import.mjs')).href;

function runFile(node: string, file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const [command, args] = node18Command(node, [`--import=${MOCK_LOADER}`, file]);
    const child = spawn('nice', [command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

t.test('every runtime unit test passes on Node.js 18', async (t) => {
  const { node, version } = await findNode18();
  t.match(version, /^v18\./, `${node} is Node 18`);
  const out = await compileRuntimeTests(node, version);
  const sources = await listRuntimeTestSources();
  t.ok(sources.length > 0, 'there are runtime tests');
  for (const source of sources) {
    const file = join(out, source.replace(/\.ts$/, '.js'));
    const { code, output } = await runFile(node, file);
    // Only `{ total: N, pass: N }` counts: a failure, a skip or a todo adds a field.
    const summary = /^# \{ total: (\d+), pass: (\d+) \}$/m.exec(output);
    const failing = output.split('\n').filter((l) => /^\s*not ok /.test(l)).slice(0, 10).join('\n');
    t.equal(code, 0, `${source} on Node ${version}${code === 0 ? '' : `:\n${failing || output.slice(-2000)}`}`);
    const printed = /^# \{ total: .*\}$/m.exec(output)?.[0] ?? 'no tap summary';
    t.ok(summary !== null && Number(summary[1]) > 0 && summary[1] === summary[2], `${source}: every check passed (${printed})`);
  }
});
