// bin/reloadkit: the launcher package.json points to runs the CLI (from source here; from build/ after `make build`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';

const launcher = fileURLToPath(new URL('../../bin/reloadkit', import.meta.url));

t.test('bin/reloadkit runs the CLI and passes its exit code through', async (t) => {
  // Through `env -i`: the test runner adds its loaders to every child's NODE_OPTIONS, which must not reach the CLI.
  const run = (...args: string[]) =>
    spawnSync('env', ['-i', `PATH=${process.env.PATH}`, 'RELOADKIT_FROM_SOURCE=1', launcher, ...args], { encoding: 'utf8' });
  const targets = run('targets');
  t.equal(targets.status, 0, targets.stderr);
  t.match(targets.stdout, /^sysv +LSB init scripts/m);
  const invalid = run('generate', '/nonexistent.yaml', '-t', 'systemd', '-o', '/tmp/x');
  t.equal(invalid.status, 2);
  t.match(invalid.stderr, /^reloadkit: cannot read manifest \/nonexistent\.yaml/);
});

t.test('after `make build`, bin/reloadkit runs the compiled CLI', async (t) => {
  const built = fileURLToPath(new URL('../../build/generators/cli/main.js', import.meta.url));
  if (!existsSync(built)) {
    t.fail(`${built} is missing: run \`make build\` (npm test builds first)`);
    return;
  }
  const result = spawnSync('env', ['-i', `PATH=${process.env.PATH}`, launcher, 'targets'], { encoding: 'utf8' });
  t.equal(result.status, 0, result.stderr);
  t.match(result.stdout, /^runit +runit service directories/m);
});
