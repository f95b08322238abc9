// Finding Node 18: a missing one is an error saying how to install it; the command line leaves tap's loaders out.
import t from 'tap';
import { findNode18, node18Command } from '../../../helpers/node18/find-node18.js';

t.test('a missing Node 18 fails, naming the path and the install script', async (t) => {
  await t.rejects(findNode18({ RELOADKIT_NODE18: '/nonexistent/bin/node' }), {
    message: 'Node.js 18 is missing: no /nonexistent/bin/node; run `bash scripts/install-node18.sh` as root (scripts/install-deps.sh does)',
  });
});

t.test('a node of another version is refused', async (t) => {
  await t.rejects(findNode18({ RELOADKIT_NODE18: process.execPath, PATH: process.env.PATH }), {
    message: new RegExp(`^${process.execPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is Node\\.js ${process.version}, not 18`),
  });
});

t.test("the command runs through env -i without tap's or npm's variables", async (t) => {
  const [command, args] = node18Command('/opt/node18/bin/node', ['x.js'], {
    PATH: '/usr/bin', HOME: '/root', NODE_OPTIONS: '--import=x', TAP_CHILD_ID: '1', npm_config_nodedir: '/usr', _TAPJS_PROCESSINFO_ROOT_: 'r',
  });
  t.equal(command, 'env');
  t.same(args, ['-i', 'PATH=/usr/bin', 'HOME=/root', '/opt/node18/bin/node', 'x.js']);
});
