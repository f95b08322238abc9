// Runs the RPM scriptlets for real with each value of $1, and RPM's upgrade order, checking the exact calls.
import t from 'tap';
import { planPackage } from '../../../../generators/package-plan/plan.js';
import { renderRpmScriptlets, type RpmScriptlets } from '../../../../generators/rpm/index.js';
import { runInSandbox, type SandboxOptions, type StubAnswer } from '../../../helpers/maintainer-script-sandbox.js';
import { manifestWith } from '../../../helpers/deb-sandbox.js';

const MARKER = '/var/lib/rpm-state/reloadkit/pkg.upgrade';
const DIGEST_FILE = '/var/lib/reloadkit/pkg.code-digest';
const DIGEST = 'a'.repeat(64);
const OLD_DIGEST = 'b'.repeat(64);

const scriptlets: RpmScriptlets = renderRpmScriptlets(
  planPackage(
    manifestWith({
      restarted: { user: 'svc', on_upgrade: 'restart', on_conffile_change: 'reload' },
      reloaded: { user: 'svc', on_upgrade: 'reload' },
      untouched: { on_upgrade: 'none', on_conffile_change: 'none' },
    }),
  ),
  { codeDigest: DIGEST },
);

function stubs(overrides: Record<string, StubAnswer[]> = {}): Record<string, StubAnswer[]> {
  return {
    systemctl: [{ pattern: '*is-active*', exit: 0 }],
    getent: [{ pattern: '*', exit: 2 }],
    groupadd: [],
    useradd: [],
    ...overrides,
  };
}

function run(section: keyof RpmScriptlets, arg: string, options: Partial<SandboxOptions> = {}) {
  const body = scriptlets[section];
  if (body === undefined) throw new Error(`no %${section} generated`);
  return runInSandbox(`#!/bin/sh\n${body}`, [arg], { systemd: true, stubs: stubs(), ...options });
}

t.test('%pre on install ($1 = 1): the accounts, nothing saved', async (t) => {
  const result = run('pre', '1');
  t.equal(result.exitCode, 0, result.stderr);
  t.strictSame(result.calls, [
    'getent group svc',
    'groupadd -r svc',
    'getent passwd svc',
    'useradd -r -g svc -d /nonexistent -s /usr/sbin/nologin -c svc service account svc',
  ]);
});

t.test('%pre on upgrade ($1 = 2): marks the transaction as an upgrade for %posttrans', async (t) => {
  const result = run('pre', '2', { inspect: `ls ${MARKER}` });
  t.equal(result.exitCode, 0, result.stderr);
  t.equal(result.calls.length, 4, 'only the account checks run');
  t.equal(result.inspection, `${MARKER}\n`);
});

t.test('%post: presets on install only', async (t) => {
  t.strictSame(run('post', '1').calls, [
    'systemctl --no-reload preset restarted.service',
    'systemctl --no-reload preset reloaded.service',
    'systemctl --no-reload preset untouched.service',
  ]);
  t.strictSame(run('post', '2').calls, []);
});

t.test('%preun: disable and stop on erase ($1 = 0) only, last service first; never on upgrade', async (t) => {
  t.strictSame(run('preun', '0').calls, [
    'systemctl --no-reload disable untouched.service',
    'systemctl stop untouched.service',
    'systemctl --no-reload disable reloaded.service',
    'systemctl stop reloaded.service',
    'systemctl --no-reload disable restarted.service',
    'systemctl stop restarted.service',
  ]);
  t.strictSame(run('preun', '1').calls, []);
});

t.test('%preun on erase without a running systemd: disable only', async (t) => {
  t.notOk(run('preun', '0', { systemd: false }).calls.some((c) => c.includes(' stop ')));
});

t.test('%postun: daemon-reload whatever $1; the recorded code digest is forgotten on erase only', async (t) => {
  const inspect = `cat ${DIGEST_FILE} 2>&1 || true`;
  const erased = run('postun', '0', { files: { [DIGEST_FILE]: `${OLD_DIGEST}\n` }, inspect });
  t.strictSame(erased.calls, ['systemctl daemon-reload']);
  t.match(erased.inspection, /No such file/);
  const upgraded = run('postun', '1', { files: { [DIGEST_FILE]: `${OLD_DIGEST}\n` }, inspect });
  t.strictSame(upgraded.calls, ['systemctl daemon-reload']);
  t.equal(upgraded.inspection, `${OLD_DIGEST}\n`);
});

t.test('%posttrans after a code upgrade: restart or reload per on_upgrade, none does nothing', async (t) => {
  const result = run('posttrans', '0', {
    files: { [MARKER]: '', [DIGEST_FILE]: `${OLD_DIGEST}\n` },
    inspect: `ls ${MARKER} 2>&1 || true; cat ${DIGEST_FILE}`,
  });
  t.equal(result.exitCode, 0, result.stderr);
  t.strictSame(result.calls, [
    'systemctl daemon-reload',
    'systemctl -q is-active restarted.service',
    'systemctl restart restarted.service',
    'systemctl -q is-active reloaded.service',
    'systemctl reload reloaded.service',
    'systemctl -q is-active untouched.service',
  ]);
  t.match(result.inspection, /cannot access/, 'the upgrade mark is removed');
  t.match(result.inspection, new RegExp(`^${DIGEST}$`, 'm'), 'the new code digest is recorded');
});

t.test('%posttrans after a config-only upgrade: reload, not restart', async (t) => {
  const result = run('posttrans', '0', { files: { [MARKER]: '', [DIGEST_FILE]: `${DIGEST}\n` } });
  t.strictSame(result.calls.filter((c) => / (restart|reload) /.test(c)), [
    'systemctl reload restarted.service',
    'systemctl reload reloaded.service',
  ]);
});

t.test('%posttrans after an install (no upgrade mark): no action, the code digest is recorded', async (t) => {
  const result = run('posttrans', '0', { inspect: `cat ${DIGEST_FILE}` });
  t.strictSame(result.calls, []);
  t.equal(result.inspection, `${DIGEST}\n`);
});

t.test('%posttrans without a code digest: every upgrade is a code upgrade', async (t) => {
  const body = renderRpmScriptlets(planPackage(manifestWith({ svc: { on_upgrade: 'restart' } }))).posttrans ?? '';
  const result = runInSandbox(`#!/bin/sh\n${body}`, ['0'], {
    systemd: true,
    stubs: stubs(),
    files: { [MARKER]: '', [DIGEST_FILE]: '\n' },
  });
  t.ok(result.calls.includes('systemctl restart svc.service'));
});

t.test('a code digest that is neither hex nor a macro is refused', async (t) => {
  t.throws(() => renderRpmScriptlets(planPackage(manifestWith({ svc: {} })), { codeDigest: "x'; reboot" }), {
    message: `codeDigest: expected 64 lower-case hex digits or a spec macro such as %{?name}, got "x'; reboot"`,
  });
});

t.test('%posttrans on stopped services: nothing is started', async (t) => {
  const result = run('posttrans', '0', {
    stubs: stubs({ systemctl: [{ pattern: '*is-active*', exit: 3 }] }),
    files: { [MARKER]: '' },
  });
  t.notOk(result.calls.some((c) => /(start|reload) /.test(c) && !c.includes('is-active')));
});

t.test('%posttrans: a failed reload is reported, never turned into a restart', async (t) => {
  const result = run('posttrans', '0', {
    stubs: stubs({ systemctl: [{ pattern: '*is-active*', exit: 0 }, { pattern: 'reload*', exit: 1 }] }),
    files: { [MARKER]: '' },
  });
  t.equal(result.exitCode, 0);
  t.equal(result.calls.filter((c) => c === 'systemctl restart reloaded.service').length, 0);
  t.match(result.stderr, /^pkg: reloading reloaded\.service failed; it keeps running with its previous configuration/m);
});

t.test("RPM's upgrade order (new %pre, new %post, old %preun, old %postun, new %posttrans) never stops a service", async (t) => {
  const steps: [keyof RpmScriptlets, string][] = [
    ['pre', '2'],
    ['post', '2'],
    ['preun', '1'],
    ['postun', '1'],
    ['posttrans', '0'],
  ];
  const all: string[] = [];
  let state: Record<string, string> = { [DIGEST_FILE]: `${OLD_DIGEST}\n` };
  for (const [section, arg] of steps) {
    const result = run(section, arg, {
      files: state,
      inspect: `for f in ${MARKER} ${DIGEST_FILE}; do [ -f $f ] && printf '%s=%s\\n' $f "$(cat $f)"; done; true`,
    });
    t.equal(result.exitCode, 0, `%${section} ${arg} exits 0`);
    state = Object.fromEntries(
      result.inspection
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.split('=')[0] ?? '', `${line.split('=')[1] ?? ''}\n`]),
    );
    all.push(...result.calls);
  }
  t.notOk(all.some((c) => /(stop|disable) /.test(c)), 'no stop, no disable');
  t.ok(all.includes('systemctl restart restarted.service'), 'the code upgrade restarted the restart service');
  t.ok(all.includes('systemctl reload reloaded.service'), 'and reloaded the reload service');
});
