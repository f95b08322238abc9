import t from 'tap';
import { runTool } from '../../../packaging/run-tool.js';

t.test('returns the output of a successful command', async (t) => {
  const result = await runTool('sh', ['-c', 'echo out; echo err >&2']);
  t.same(result, { stdout: 'out\n', stderr: 'err\n', exitCode: 0 });
});

t.test('a failing command is an error with the command line, the exit code and stderr', async (t) => {
  await t.rejects(runTool('sh', ['-c', 'echo broken >&2; exit 3']), { message: 'sh -c echo broken >&2; exit 3 exited with 3: broken' });
  t.equal((await runTool('sh', ['-c', 'exit 3'], { okExitCodes: [3] })).exitCode, 3, 'unless the exit code is allowed');
});

t.test('a missing tool says it is not installed', async (t) => {
  await t.rejects(runTool('no-such-tool-here', ['x']), { message: '`no-such-tool-here` is not installed (needed to run: no-such-tool-here x)' });
});
