// publint and Are the Types Wrong? on both tarballs: no findings (ESM-only packages: attw's esm-only profile).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import t from 'tap';
import { runTool } from '../../../packaging/run-tool.js';
import { buildNpmTarballs, projectRoot } from '../../helpers/npm/npm-tarballs.js';

t.setTimeout(300_000);

/** Resolution modes the esm-only profile leaves out: an ESM-only package cannot be require()d by Node 18. */
const ignoredResolutions = new Set(['node10', 'node16-cjs']);

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
}

for (const which of ['runtime', 'cli'] as const) {
  t.test(`publint --strict finds nothing in the ${which} tarball`, async (t) => {
    const built = (await buildNpmTarballs())[which];
    const data = await readFile(built.tarball);
    const tarball = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    const { messages, pkg } = await publint({ pack: { tarball }, strict: true });
    t.same(messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`), [], `${built.name}: publint messages`);
  });

  t.test(`attw finds nothing in the ${which} tarball`, async (t) => {
    const built = (await buildNpmTarballs())[which];
    const attw = join(projectRoot, 'node_modules', '.bin', 'attw');
    const result = await runTool(attw, [built.tarball, '--profile', 'esm-only', '--format', 'json'], { okExitCodes: [0, 1] });
    const report = JSON.parse(result.stdout) as { analysis: { entrypoints: Record<string, unknown> }; problems?: Record<string, AttwProblem[]> };
    const problems = Object.values(report.problems ?? {})
      .flat()
      .filter((p) => p.resolutionKind === undefined || !ignoredResolutions.has(p.resolutionKind));
    t.same(problems, [], `${built.name}: attw problems`);
    t.equal(result.exitCode, 0, 'attw exits 0');
    const expectedEntrypoints = Object.keys(built.packageJson.exports as object);
    t.same(Object.keys(report.analysis.entrypoints).sort(), expectedEntrypoints.sort(), 'attw checked every export');
  });
}
