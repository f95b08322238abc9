// As a new user: a fresh project outside the repository installs the two tarballs offline, writes the quick
// start of docs/runtime-api.md as it stands, runs it, reloads it with `reload` and with SIGHUP, and generates
// its init files with `npx reloadkit generate`.
import { spawn } from 'node:child_process';
import { readFile, readdir, stat, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { findFreePort } from '../../../examples/cinder/demo/free-port.js';
import { parseManifest } from '../../../generators/manifest/index.js';
import { findTarget, targets } from '../../../generators/registry.js';
import { runTool, type ToolResult } from '../../../packaging/run-tool.js';
import { waitUntil } from '../../helpers/cinder-processes.js';
import { asNewUser, missingFromNpmCache } from '../../helpers/npm/as-new-user.js';
import { extractDocBlocks, findDocFile } from '../../helpers/npm/doc-blocks.js';
import { buildNpmTarballs, projectRoot } from '../../helpers/npm/npm-tarballs.js';

t.setTimeout(600_000);

const PAGE = 'docs/runtime-api.md';

function inProject(dir: string, command: string, args: string[]): Promise<ToolResult> {
  return runTool(...asNewUser(command, args), { cwd: dir, okExitCodes: [0, 1, 2, 3, 7] });
}

/** `npm install --offline`; fails naming the package npm's cache lacks, and how to fetch it once. */
async function installOffline(t: Test, dir: string, tarball: string, extra: string[] = []): Promise<void> {
  const result = await inProject(dir, 'npm', ['install', '--offline', '--no-audit', '--no-fund', ...extra, tarball]);
  const missing = missingFromNpmCache(result.stderr);
  if (missing !== undefined) {
    t.fail(`npm's cache (~/.npm) lacks ${missing}, which ${tarball} needs: run \`npx tsx packaging/npm/fill-npm-cache.ts\` once (scripts/install-deps.sh does)`);
  }
  t.equal(result.exitCode, 0, `npm install --offline ${tarball}: ${result.stderr}`);
}

function httpGet(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

interface LogLine {
  msg: string;
  event?: string;
  trigger?: string;
  outcome?: string;
  changed?: string[];
}

t.test('a new project installs both tarballs offline and follows the quick start', async (t) => {
  const { runtime, cli } = await buildNpmTarballs();
  const dir = await mkdtemp(join(tmpdir(), 'reloadkit-new-user-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  t.notOk(dir.startsWith(projectRoot), 'the project is outside the repository');

  t.equal((await inProject(dir, 'npm', ['init', '-y'])).exitCode, 0, 'npm init -y');
  await installOffline(t, dir, runtime.tarball);
  t.same(await readdir(join(dir, 'node_modules')), ['.package-lock.json', '@reloadkit'], 'the runtime installs alone: nothing else');
  t.same(await readdir(join(dir, 'node_modules', '@reloadkit')), ['runtime']);
  await installOffline(t, dir, cli.tarball, ['--save-dev']);
  const manifestJson = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
  t.ok(manifestJson.dependencies?.['@reloadkit/runtime']?.includes('reloadkit-runtime-'), 'package.json depends on @reloadkit/runtime');
  t.ok(manifestJson.devDependencies?.reloadkit?.includes('reloadkit-'), 'package.json dev-depends on reloadkit');

  // The page's files, as written; only the port and the socket path are this test's own.
  const blocks = extractDocBlocks(await readFile(join(projectRoot, PAGE), 'utf8'));
  const port = await findFreePort();
  const socket = join(dir, 'greeter.sock');
  const conf = findDocFile(blocks, 'greeter.conf', PAGE).text;
  t.match(conf, /^listen = 127\.0\.0\.1:8080$/m);
  t.match(conf, /^control_socket = \/tmp\/greeter\.sock$/m);
  const confPath = join(dir, 'greeter.conf');
  const writeConf = (greeting: string) =>
    writeFile(confPath, conf.replace(/^greeting = .*$/m, `greeting = ${greeting}`).replace('127.0.0.1:8080', `127.0.0.1:${port}`).replace('/tmp/greeter.sock', socket));
  await writeFile(join(dir, 'greeter.mjs'), findDocFile(blocks, 'greeter.mjs', PAGE).text);
  await writeFile(join(dir, 'reloadkit.yaml'), findDocFile(blocks, 'reloadkit.yaml', PAGE).text);
  await writeConf('Hello');

  const [command, args] = asNewUser('node', ['greeter.mjs', '--config-file', confPath]);
  const service = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => service.on('close', resolve));
  t.teardown(() => { if (service.exitCode === null) service.kill('SIGKILL'); });
  let stderr = '';
  service.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const log = (): LogLine[] =>
    stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as LogLine);
  const reloadEnds = () => log().filter((l) => l.event === 'reload.end');
  await waitUntil(() => log().some((l) => l.msg === 'ready') || service.exitCode !== null, 'the service to be ready', 30_000);
  t.equal(service.exitCode, null, `the service runs: ${stderr}`);
  t.equal(await httpGet(port, '/?name=Ada'), 'Hello, Ada!\n');

  await writeConf('Good morning');
  const reload = await inProject(dir, 'node', ['greeter.mjs', 'reload', '--config-file', confPath]);
  t.equal(reload.exitCode, 0, `greeter.mjs reload: ${reload.stderr}`);
  t.match(reload.stdout, /^greeter: reload 1 succeeded in \d+ ms; changed: DEFAULT\.greeting; re-initialised: greeter:DEFAULT$/m);
  t.match(reloadEnds()[0], { trigger: 'control-socket', outcome: 'succeeded', changed: ['DEFAULT.greeting'] });
  t.equal(await httpGet(port, '/?name=Ada'), 'Good morning, Ada!\n', 'the new option value is in effect');

  await writeConf('Hi');
  service.kill('SIGHUP');
  await waitUntil(() => reloadEnds().length >= 2, 'the SIGHUP reload to end', 30_000);
  t.match(reloadEnds()[1], { trigger: 'SIGHUP', outcome: 'succeeded', changed: ['DEFAULT.greeting'] });
  t.equal(await httpGet(port, '/?name=Ada'), 'Hi, Ada!\n', 'the value after SIGHUP is in effect');

  service.kill('SIGTERM');
  t.equal(await exited, 0, 'SIGTERM stops it cleanly');

  const help = await inProject(dir, 'npx', ['reloadkit', '--help']);
  t.equal(help.exitCode, 0, `npx reloadkit --help: ${help.stderr}`);
  t.match(help.stdout, /^\s+generate /m, 'the help lists generate');

  const listed = await inProject(dir, 'npx', ['reloadkit', 'targets']);
  t.equal(listed.exitCode, 0, listed.stderr);
  t.same(listed.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]), targets.map((target) => target.name), 'npx reloadkit targets lists the registry');

  const generated = await inProject(dir, 'npx', ['reloadkit', 'generate', 'reloadkit.yaml', '--target', 'systemd', '--target', 'sysv', '--out', 'init']);
  t.equal(generated.exitCode, 0, `npx reloadkit generate: ${generated.stderr}`);
  const manifest = parseManifest(await readFile(join(dir, 'reloadkit.yaml'), 'utf8'), 'reloadkit.yaml');
  for (const name of ['systemd', 'sysv']) {
    for (const file of findTarget(name).generate(manifest, { systemdVersion: 252 })) {
      const path = join(dir, 'init', file.path);
      t.equal(await readFile(path, 'utf8'), file.content, `${name}: init/${file.path} as the generator makes it`);
      t.equal((await stat(path)).mode & 0o777, file.mode, `init/${file.path} mode`);
    }
  }
});
