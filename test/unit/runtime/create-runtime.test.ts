import t from 'tap';
import { join } from 'node:path';
import { createRuntime, loadServiceConfig } from '../../../runtime/create-runtime.js';
import { ConfigError } from '../../../runtime/config/errors.js';
import { opt } from '../../../runtime/config/options.js';
import { createFakeService, writeConfigText } from '../../helpers/fake-drivers.js';

t.test('returns a ready runtime: config loaded, first generations built, start run once with rt, sinks fed', async (t) => {
  const dir = t.testdir({ 'c.conf': writeConfigText({ a: 1 }) });
  const delivered: string[] = [];
  let startedWith: unknown;
  const fake = createFakeService();
  const rt = await createRuntime({ ...fake.service, start: (r) => { startedWith = r.state; } }, {
    configFiles: [join(dir, 'c.conf')], sinks: [{ name: 'memory', deliver: (e) => { delivered.push(e.event); } }],
  });
  t.equal(rt.state, 'ready');
  t.equal(startedWith, 'starting', 'start runs before the runtime reports ready');
  t.same(fake.log, ['create volume:a#1']);
  await rt.reload();
  t.same(delivered, ['reload.start', 'reload.end']);
  t.same(await rt.stop(), { exitCode: 0, unfinished: 0 });
});

t.test('an invalid configuration throws the ConfigError and builds nothing', async (t) => {
  const dir = t.testdir({ 'c.conf': '[DEFAULT]\nenabled_backends = a\n' });
  const fake = createFakeService();
  await t.rejects(createRuntime(fake.service, { configFiles: [join(dir, 'c.conf')] }), new ConfigError(
    'required option is missing (section [a] is listed in enabled_backends but no file has it)',
    { file: join(dir, 'c.conf'), line: 2, section: 'a', option: 'san_port' },
  ));
  t.same(fake.log, []);
});

t.test('a driver that fails to build at start-up: the others are closed and the error names the driver', async (t) => {
  const dir = t.testdir({ 'c.conf': writeConfigText({ a: 1, b: 2 }) });
  const fake = createFakeService();
  fake.failingSections.add('b');
  await t.rejects(createRuntime(fake.service, { configFiles: [join(dir, 'c.conf')] }), {
    message: 'cannot build driver volume:b (generation 1): connection to b refused', cause: { message: 'connection to b refused' },
  });
  t.same(fake.log, ['create volume:a#1', 'close volume:a#1']);
});

t.test('a failing start hook closes the drivers and says which service could not start', async (t) => {
  const dir = t.testdir({ 'c.conf': writeConfigText({ a: 1 }) });
  const fake = createFakeService();
  await t.rejects(createRuntime({ ...fake.service, start: () => { throw new Error('address in use'); } }, { configFiles: [join(dir, 'c.conf')] }), {
    message: 'cannot start fake-volume: address in use',
  });
  t.same(fake.log, ['create volume:a#1', 'close volume:a#1']);
});

t.test('loadServiceConfig validates without running; accepts a plain definition', async (t) => {
  const dir = t.testdir({ 'c.conf': '[DEFAULT]\nport = 70000\n', 'default.conf': '[DEFAULT]\nport = 80\n' });
  const definition = { name: 'plain', options: { DEFAULT: { port: opt.port({ default: 1 }) } } };
  await t.rejects(loadServiceConfig(definition, { configFiles: [join(dir, 'c.conf')] }), {
    message: `${join(dir, 'c.conf')}:2: [DEFAULT] port: expected an integer from 1 to 65535, got "70000"`,
  });
  const withDefaults = { ...definition, defaultConfigFiles: [join(dir, 'default.conf')] };
  t.equal((await loadServiceConfig(withDefaults)).get('DEFAULT', 'port'), 80);
});

t.test('a reload asked for during start-up runs once the runtime is ready', async (t) => {
  const dir = t.testdir({ 'c.conf': writeConfigText({ a: 1 }) });
  const fake = createFakeService();
  let early: Promise<{ outcome: string; id: number }> | undefined;
  const rt = await createRuntime({ ...fake.service, start: (r) => { early = r.reload({ trigger: 'SIGHUP' }); } }, { configFiles: [join(dir, 'c.conf')] });
  t.teardown(() => rt.stop());
  t.match(await early, { outcome: 'succeeded', id: 1 });
  t.equal(rt.state, 'ready');
});
