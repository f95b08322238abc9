import t from 'tap';
import { join } from 'node:path';
import { createRuntime } from '../../../../runtime/create-runtime.js';
import { defineService } from '../../../../runtime/define-service.js';
import { opt } from '../../../../runtime/config/options.js';
import { writeFileSync } from 'node:fs';

t.test('a driver is re-initialised when its section changes or a [DEFAULT] option it dependsOn changes', async (t) => {
  const dir = t.testdir({ 'c.conf': '[DEFAULT]\nenabled_backends = a, b\ntimeout = 1\nlabel = x\n[a]\nport = 1\n[b]\nport = 2\n' });
  const created: string[] = [];
  const service = defineService({
    name: 'plan',
    options: {
      DEFAULT: { enabled_backends: opt.list({ mutable: true }), timeout: opt.int({ mutable: true }), label: opt.string({ mutable: true }) },
      sectionTemplates: [{ namesFrom: 'enabled_backends', options: { port: opt.port({ mutable: true }) } }],
    },
    drivers: [
      { kind: 'volume', sections: (c) => c.get('DEFAULT', 'enabled_backends') as string[], create: ({ key, generation }) => { created.push(`${key}#${generation}`); return {}; } },
      { kind: 'pool', dependsOn: ['timeout'], sections: () => ['DEFAULT'], create: ({ key, generation }) => { created.push(`${key}#${generation}`); return {}; } },
    ],
  });
  const rt = await createRuntime(service, { configFiles: [join(dir, 'c.conf')] });
  t.teardown(() => rt.stop());
  writeFileSync(join(dir, 'c.conf'), '[DEFAULT]\nenabled_backends = a, b\ntimeout = 1\nlabel = y\n[a]\nport = 1\n[b]\nport = 2\n');
  const first = await rt.reload();
  t.same([first.changed, first.reinitialised], [['DEFAULT.label'], []], 'a [DEFAULT] change nobody depends on re-initialises nothing');
  writeFileSync(join(dir, 'c.conf'), '[DEFAULT]\nenabled_backends = a, b\ntimeout = 2\nlabel = y\n[a]\nport = 1\n[b]\nport = 3\n');
  t.same((await rt.reload()).reinitialised, ['volume:b', 'pool:DEFAULT']);
  t.same(created, ['volume:a#1', 'volume:b#1', 'pool:DEFAULT#1', 'volume:b#2', 'pool:DEFAULT#2']);
});
