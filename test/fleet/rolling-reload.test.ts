// The generated playbook (the ansible target) rolling a new cinder.conf over three containers as hosts,
// reached through community.docker.docker, each running the installed cinder .debs under systemd 252. The
// three hosts are shared by every scenario and reset between them. All hosts are one cluster, with batches
// of two after the canary: host1, then host2 and host3 in turns.

import t from 'tap';
import { missingAnsibleTools } from '../helpers/ansible-tools.js';
import { loadRepositoryManifest } from '../helpers/generator-fixtures.js';
import { ensureCinderPackages } from '../containers/cinder-packages.js';
import { setOption } from '../containers/scenarios/cinder-config.js';
import { backendPorts } from '../containers/scenarios/cinder-reload.js';
import { startStream } from '../containers/scenarios/cinder-workload.js';
import { drainingIntervals, overlappingIntervals } from './draining-intervals.js';
import { prepareFleetImage } from './fleet-image.js';
import { type FleetHost, removeFleet, resetHost, startFleet, stopBackendC } from './fleet-hosts.js';
import { type HostState, markNotifications, readHostState } from './fleet-state.js';
import { type Controller, type PlaybookRun, prepareController, runRollingReload } from './run-playbook.js';

// a cold image build takes about a minute, the .debs about as long; each run well under one
t.setTimeout(20 * 60_000);

/** Every host in one cluster, so the batch of two takes turns. */
const hostVars = { host1: { reloadkit_cluster: 'fleet' }, host2: { reloadkit_cluster: 'fleet' }, host3: { reloadkit_cluster: 'fleet' } };
const batchOfTwo = { reloadkit_batch_size: 2 };

/** Runs the playbook from a clean state: every host reset to its `start` file, notification files marked. */
async function runScenario(
  t: Tap,
  controller: Controller,
  hosts: readonly FleetHost[],
  start: Record<string, string>,
  options: Parameters<typeof runRollingReload>[2],
): Promise<{ run: PlaybookRun; states: Record<string, HostState> }> {
  await Promise.all(hosts.map((host) => resetHost(host, start[host.name]!)));
  const marks = await Promise.all(hosts.map(markNotifications));
  const run = await runRollingReload(controller, hosts, options);
  t.comment(`ansible-playbook exited ${run.exitCode} after ${run.seconds.toFixed(1)} s`);
  const states = Object.fromEntries(await Promise.all(hosts.map(async (host, i) => [host.name, await readHostState(host, marks[i]!)] as const)));
  return { run, states };
}

/** The assertions the scenarios make (tap's `t` and its subtests have them). */
interface Tap {
  equal(found: unknown, wanted: unknown, message: string, extra: Record<string, unknown>): boolean;
  same(found: unknown, wanted: unknown, message: string, extra: Record<string, unknown>): boolean;
  comment(message: string): void;
}

/** The reloads a host went through in the run, as `outcome` words. */
const reloadOutcomes = (state: HostState) => state.events.filter((event) => event.event === 'reload.end').map((event) => event['outcome']);

const missing = missingAnsibleTools();
const fleet = missing === undefined ? await prepareFleetImage().catch((error: Error) => error) : new Error(missing);
if (fleet instanceof Error) {
  t.fail(fleet.message, { cause: fleet.cause });
} else {
  const startedAt = Date.now();
  const manifest = loadRepositoryManifest('examples/cinder/reloadkit.yaml');
  const packages = await ensureCinderPackages('deb', fleet.row.systemdVersion);
  const oldConf = packages.packagedConf;
  const newConf = setOption(oldConf, 'backend_a', 'san_port', String(backendPorts.c));
  const everyHost = (conf: string) => ({ host1: conf, host2: conf, host3: conf });
  const controller = await prepareController(manifest);
  const hosts = await startFleet(fleet, packages);
  t.teardown(async () => {
    await removeFleet(hosts);
    await controller.remove();
  });
  t.comment(`fleet of ${hosts.length} hosts ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  const evidence = (run: PlaybookRun) => ({ output: run.output.split('\n').slice(-60).join('\n'), report: run.report });
  const untouched = (t: Tap, state: HostState, name: string, why: string) => {
    t.equal(state.conf, oldConf, `${name}: still the old file (${why})`, {});
    t.same(state.leftovers, [], `${name}: nothing left beside the live file`, {});
    t.same(reloadOutcomes(state), [], `${name}: not reloaded`, {});
    t.equal(state.backendAPort, backendPorts.a, `${name}: serving the old configuration`, {});
  };

  await t.test('an invalid file: every host refuses it in the preflight, nothing is reloaded anywhere', async (t) => {
    const invalid = setOption(oldConf, 'backend_a', 'san_port', 'not-a-port');
    const { run, states } = await runScenario(t, controller, hosts, everyHost(oldConf), { newConf: invalid, hostVars, extraVars: batchOfTwo });
    t.not(run.exitCode, 0, 'the playbook exits non-zero', evidence(run));
    for (const host of hosts) {
      untouched(t, states[host.name]!, host.name, 'refused');
      t.equal(run.report?.hosts[host.name]?.outcome, 'preflight failed', `${host.name}: the report says preflight failed`, evidence(run));
      t.match(run.report?.hosts[host.name]?.reason ?? '', /check-config refused the new file.*san_port/s, `${host.name}: the reason names check-config and the option`);
    }
  });

  await t.test('a change of a fleet-wide option is refused unless the run allows it', async (t) => {
    const moved = `${newConf.replace('[DEFAULT]\n', '[DEFAULT]\nservice_down_time = 120\n')}`;
    const { run, states } = await runScenario(t, controller, hosts, everyHost(oldConf), { newConf: moved, hostVars, extraVars: batchOfTwo });
    t.not(run.exitCode, 0, 'the playbook exits non-zero', evidence(run));
    for (const host of hosts) {
      untouched(t, states[host.name]!, host.name, 'refused');
      t.match(run.report?.hosts[host.name]?.reason ?? '', /DEFAULT\.service_down_time: "" -> "120".*reloadkit_allow_equal_option_change=true/s,
        `${host.name}: the reason names the option, both values and how to allow it`, evidence(run));
    }
  });

  await t.test('a host stopped before the run: the preflight stops, nothing is reloaded', async (t) => {
    await resetHost(hosts[2]!, oldConf);
    const { run, states } = await (async () => {
      const marks = await Promise.all(hosts.map(markNotifications));
      await hosts[2]!.container.run('systemctl stop cinder-volume');
      const run = await runRollingReload(controller, hosts, { newConf, hostVars, extraVars: batchOfTwo });
      const states = Object.fromEntries(await Promise.all(hosts.map(async (host, i) => [host.name, await readHostState(host, marks[i]!)] as const)));
      return { run, states };
    })();
    t.not(run.exitCode, 0, 'the playbook exits non-zero', evidence(run));
    t.equal(states['host3']!.active, 'inactive', 'host3 stays stopped (nothing started it)');
    t.equal(states['host3']!.conf, oldConf, 'host3: still the old file');
    t.equal(run.report?.hosts['host3']?.outcome, 'preflight failed', 'the report: host3 failed its preflight', evidence(run));
    t.match(run.report?.hosts['host3']?.reason ?? '', /cinder-volume is not running and ready/, 'the reason: not running');
    for (const name of ['host1', 'host2']) {
      untouched(t, states[name]!, name, 'the run stopped before any reload');
      t.equal(run.report?.hosts[name]?.outcome, 'not reached', `the report: ${name} not reached`);
    }
  });

  await t.test('every host reloads: canary, then host2 and host3 in turns, never two draining at once', async (t) => {
    await Promise.all(hosts.map((host) => resetHost(host, oldConf)));
    const marks = await Promise.all(hosts.map(markNotifications));
    const streams = await Promise.all(hosts.map((host) => startStream(host.container, 'backend_b')));
    const run = await runRollingReload(controller, hosts, { newConf, hostVars, extraVars: batchOfTwo });
    const answers = await Promise.all(streams.map((stream) => stream.stop()));
    const states = Object.fromEntries(await Promise.all(hosts.map(async (host, i) => [host.name, await readHostState(host, marks[i]!)] as const)));
    t.comment(`ansible-playbook exited ${run.exitCode} after ${run.seconds.toFixed(1)} s`);
    t.equal(run.exitCode, 0, 'the playbook exits 0', evidence(run));
    hosts.forEach((host, i) => {
      const state = states[host.name]!;
      t.equal(state.conf, newConf, `${host.name}: the new file`);
      t.same(state.leftovers, [`/etc/cinder/cinder.conf.reloadkit-previous`], `${host.name}: only the previous file kept beside it`);
      t.same(reloadOutcomes(state), ['succeeded'], `${host.name}: one reload, reload.end succeeded`, { events: state.events });
      t.equal(state.backendAPort, backendPorts.c, `${host.name}: serving the new configuration`);
      const entry = run.report?.hosts[host.name];
      t.equal(entry?.outcome, 'reloaded', `${host.name}: the report says reloaded`, evidence(run));
      const end = state.events.find((event) => event.event === 'reload.end');
      t.equal(entry?.services?.[0]?.reload_id, end?.['id'], `${host.name}: the report has this reload's id`);
      t.same(entry?.services?.[0]?.changed, ['backend_a.san_port'], `${host.name}: the report has what changed`);
      t.ok(answers[i]!.length > 0 && answers[i]!.every((answer) => answer.status === 200), `${host.name}: every request during the run succeeded (${answers[i]!.length})`);
    });
    const intervals = hosts.flatMap((host) => drainingIntervals(host.name, states[host.name]!.events));
    t.same(overlappingIntervals(intervals), [], 'no two hosts of the cluster were reloading or draining at once', { intervals });
    const order = [...intervals].sort((a, b) => a.startMs - b.startMs).map((interval) => interval.host);
    t.equal(order[0], 'host1', 'the canary, host1, reloaded first', { order });
  });

  await t.test('host2 fails: host1 new, host2 restored and serving the old file, host3 untouched, exit non-zero', async (t) => {
    // the new file moves backend_a to backend C, which host2 no longer runs: its driver cannot be rebuilt there
    await Promise.all(hosts.map((host) => resetHost(host, oldConf)));
    await stopBackendC(hosts[1]!.container);
    const marks = await Promise.all(hosts.map(markNotifications));
    const run = await runRollingReload(controller, hosts, { newConf, hostVars, extraVars: batchOfTwo });
    const states = Object.fromEntries(await Promise.all(hosts.map(async (host, i) => [host.name, await readHostState(host, marks[i]!)] as const)));
    t.comment(`ansible-playbook exited ${run.exitCode} after ${run.seconds.toFixed(1)} s`);
    t.not(run.exitCode, 0, 'the playbook exits non-zero', evidence(run));
    t.equal(states['host1']!.conf, newConf, 'host1: the new file');
    t.equal(states['host1']!.backendAPort, backendPorts.c, 'host1: serving the new configuration');
    t.equal(run.report?.hosts['host1']?.outcome, 'reloaded', 'the report: host1 reloaded', evidence(run));
    t.equal(states['host2']!.conf, oldConf, 'host2: its previous file is back');
    t.same(states['host2']!.leftovers, [], 'host2: nothing left beside the live file');
    t.same(reloadOutcomes(states['host2']!), ['failed'], 'host2: its reload.end failed (and nothing reloaded it since: its old config never left)', { events: states['host2']!.events });
    t.equal(states['host2']!.backendAPort, backendPorts.a, 'host2: serving the old configuration');
    t.match(run.report?.hosts['host2'], { outcome: 'failed', restored: true, file: 'previous file restored' }, 'the report: host2 failed, restored');
    t.equal(run.report?.hosts['host2']?.services?.[0]?.outcome, 'failed', 'the report: the reload\'s outcome');
    untouched(t, states['host3']!, 'host3', 'the rollout stopped at host2');
    t.equal(run.report?.hosts['host3']?.outcome, 'not reached', 'the report: host3 not reached');
  });

  await t.test('a host whose file already is the new one is skipped', async (t) => {
    const { run, states } = await runScenario(t, controller, hosts, { host1: oldConf, host2: newConf, host3: oldConf }, { newConf, hostVars, extraVars: batchOfTwo });
    t.equal(run.exitCode, 0, 'the playbook exits 0', evidence(run));
    t.match(run.report?.hosts['host2'], { outcome: 'skipped', reason: 'no change' }, 'the report: host2 skipped, no change', evidence(run));
    t.same(reloadOutcomes(states['host2']!), [], 'host2: not reloaded');
    t.same(states['host2']!.leftovers, [], 'host2: nothing left beside the live file');
    for (const name of ['host1', 'host3']) {
      t.equal(run.report?.hosts[name]?.outcome, 'reloaded', `the report: ${name} reloaded`);
      t.same(reloadOutcomes(states[name]!), ['succeeded'], `${name}: reload.end succeeded`);
      t.equal(states[name]!.backendAPort, backendPorts.c, `${name}: serving the new configuration`);
    }
  });

  t.comment(`fleet tests took ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}
