// The ansible target: a playbook and a role per manifest, manifest values as literals Ansible never templates,
// and files that Ansible's own syntax check and ansible-lint accept with no finding.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import t from 'tap';
import { parse } from 'yaml';
import { ansibleTarget, PLAYBOOK_PATH, ROLE_FILTER_PLUGIN, ROLE_TASK_FILES, roleName } from '../../../../generators/ansible/index.js';
import type { GeneratedFile } from '../../../../generators/target.js';
import { missingAnsibleTools } from '../../../helpers/ansible-tools.js';
import { buildStubManifest, loadManifestsUnderTest, loadRepositoryManifest } from '../../../helpers/generator-fixtures.js';

t.setTimeout(300_000);

function writeTree(files: readonly GeneratedFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'rk-ansible-'));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content, { mode: file.mode });
  }
  return dir;
}

/** Reads the role's vars file as data, with `!unsafe` read as the plain string it tags. */
function readVars(files: readonly GeneratedFile[], role: string): Record<string, unknown> {
  const vars = files.find((file) => file.path === `roles/${role}/vars/main.yml`);
  const unsafe = { tag: '!unsafe', resolve: (value: string) => value };
  return parse(vars!.content, { customTags: [unsafe] }) as Record<string, unknown>;
}

t.test('cinder: the playbook, the role, and what the role knows of each service', async (t) => {
  const manifest = loadRepositoryManifest('examples/cinder/reloadkit.yaml');
  const files = ansibleTarget.generate(manifest, { systemdVersion: 252 });
  const role = roleName(manifest);
  t.equal(role, 'cinder_rolling_reload');
  t.same(files.map((file) => file.path), [
    PLAYBOOK_PATH,
    `roles/${role}/defaults/main.yml`,
    `roles/${role}/vars/main.yml`,
    ...ROLE_TASK_FILES.map((file) => `roles/${role}/tasks/${file}`),
    `roles/${role}/${ROLE_FILTER_PLUGIN}`,
  ]);
  const vars = readVars(files, role);
  t.same((vars['reloadkit_services'] as { name: string }[]).map((service) => service.name), ['cinder-volume', 'cinder-scheduler', 'cinder-api'], 'manifest order');
  t.same(vars['reloadkit_equal_options'], manifest.fleet.equal_options.map((name) => {
    const [section, option] = name.split('.');
    return { name, section, option };
  }));
  t.same(vars['reloadkit_cluster_option'], { name: 'DEFAULT.cluster', section: 'DEFAULT', option: 'cluster' });
  const playbook = parse(files[0]!.content) as Record<string, unknown>[];
  t.same(playbook.map((play) => play['hosts']), ["{{ reloadkit_hosts | default('cinder') }}", 'reloadkit_rollout']);
  t.same(playbook[1], { ...playbook[1], serial: [1, '{{ reloadkit_batch_size | default(1) }}'], max_fail_percentage: 0, any_errors_fatal: true });
  t.notOk('serial' in playbook[0]!, 'the preflight play runs on every host at once');
});

t.test('reloads are tasks, never handlers or the service module', async (t) => {
  const files = ansibleTarget.generate(loadRepositoryManifest('examples/cinder/reloadkit.yaml'), { systemdVersion: 252 });
  for (const file of files) {
    t.notMatch(file.content, /handlers|notify:|flush_handlers|ansible\.builtin\.(service|systemd)|throttle/, `${file.path}: no handler, no service module, no throttle`);
  }
});

t.test('reloadkit_ini_value reads an option as oslo.config does', async (t) => {
  const files = ansibleTarget.generate(loadRepositoryManifest('examples/cinder/reloadkit.yaml'), { systemdVersion: 252 });
  const dir = writeTree(files);
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const plugin = join(dir, 'roles', 'cinder_rolling_reload', ROLE_FILTER_PLUGIN);
  const text = '# comment\n[DEFAULT]\nhost = a\nhost=b\n[Coordination]\nbackend_url = etcd3://x:2379\n  continued\n[other]\nhost = c\n';
  const script = [
    'import importlib.util, json, sys',
    `spec = importlib.util.spec_from_file_location('plugin', ${JSON.stringify(plugin)})`,
    'module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)',
    'read = module.FilterModule().filters()["reloadkit_ini_value"]',
    'text = sys.stdin.read()',
    'print(json.dumps([read(text, "DEFAULT", "host"), read(text, "coordination", "backend_url"), read(text, "other", "host"), read(text, "missing", "x"), read(text, "DEFAULT", "cluster")]))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script], { input: text, encoding: 'utf8' });
  t.equal(result.status, 0, result.stderr);
  t.same(JSON.parse(result.stdout), ['b', 'etcd3://x:2379', 'c', '', ''], 'last value wins, group names case-insensitive, missing is empty');
});

t.test('no config file, no playbook', async (t) => {
  t.same(ansibleTarget.generate(loadRepositoryManifest('test/golden/manifests/minimal.yaml'), { systemdVersion: 252 }), []);
});

t.test('Jinja in a manifest value stays a literal', async (t) => {
  const manifest = buildStubManifest('jinja', '/usr/bin/jinja', {
    config_files: ['/etc/jinja.conf'],
    reload: { command: ['/usr/bin/jinja', 'reload', "{{ lookup('pipe', 'id') }}"], check_command: ['/usr/bin/jinja', 'check-config'], timeout: 20 },
  });
  const files = ansibleTarget.generate(manifest, { systemdVersion: 252 });
  const vars = files.find((file) => file.path.endsWith('vars/main.yml'))!.content;
  t.match(vars, `- !unsafe "{{ lookup('pipe', 'id') }}"`);
});

for (const { name, manifest } of loadManifestsUnderTest()) {
  const files = ansibleTarget.generate(manifest, { systemdVersion: 252 });
  if (files.length === 0) continue;
  t.test(`${name}: ansible-playbook --syntax-check and ansible-lint --offline find nothing`, async (t) => {
    const missing = missingAnsibleTools();
    if (missing !== undefined) {
      t.fail(missing);
      return;
    }
    const dir = writeTree(files);
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const env = { ...process.env, ANSIBLE_NOCOLOR: '1', NO_COLOR: '1', HOME: dir };
    const syntax = spawnSync('ansible-playbook', ['--syntax-check', '-i', 'localhost,', PLAYBOOK_PATH], { cwd: dir, env, encoding: 'utf8' });
    t.equal(syntax.status, 0, `--syntax-check passes\n${syntax.stdout}${syntax.stderr}`);
    const lint = spawnSync('ansible-lint', ['--offline', '--nocolor', PLAYBOOK_PATH, 'roles'], { cwd: dir, env, encoding: 'utf8' });
    t.equal(lint.status, 0, `ansible-lint exits 0\n${lint.stdout}${lint.stderr}`);
    t.match(lint.stdout + lint.stderr, /0 failure\(s\), 0 warning\(s\)/, 'no failure and no warning');
  });
}
