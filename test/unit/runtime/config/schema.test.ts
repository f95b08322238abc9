import t from 'tap';
import { buildConfigSchema, declareStandardOptions } from '../../../../runtime/config/schema.js';
import { opt } from '../../../../runtime/config/options.js';

t.test('the standard [DEFAULT] options, with the documented defaults and mutability', async (t) => {
  const std = declareStandardOptions('cinder-volume');
  const summary = Object.fromEntries(Object.entries(std).map(([name, d]) => [name, [d.type.name, d.default, d.mutable]]));
  t.same(summary, {
    control_socket: ['path', '/run/cinder-volume/control.sock', false],
    notification_file: ['path', undefined, true],
    reload_drain_timeout: ['float', 60, true],
    graceful_shutdown_timeout: ['float', 60, true],
    reload_max_waiters: ['int', 1000, true],
    reload_max_draining_generations: ['int', 2, true],
    debug: ['bool', false, true],
    config_strict: ['bool', false, true],
    metrics_listen: ['host:port', undefined, true],
    transport_url: ['transport URL', undefined, true],
    control_exchange: ['string', 'openstack', true],
  });
});

t.test('a service may redeclare a standard option; its own options are added', async (t) => {
  const schema = buildConfigSchema('svc', { DEFAULT: { debug: opt.bool({ default: true, mutable: true }), x: opt.int() } });
  t.equal(schema.DEFAULT.debug?.default, true);
  t.ok(schema.DEFAULT.x);
  t.ok(schema.DEFAULT.control_socket);
});

t.test('contradictory declarations are rejected with what is wrong', async (t) => {
  t.throws(() => buildConfigSchema('svc', { sections: { DEFAULT: {} } }),
    new TypeError('service svc: declare [DEFAULT] options under options.DEFAULT, not options.sections.DEFAULT'));
  t.throws(() => buildConfigSchema('svc', { sectionTemplates: [{ namesFrom: 'backends', options: {} }] }),
    new TypeError('service svc: section template namesFrom "backends" is not a declared [DEFAULT] option'));
  t.throws(() => buildConfigSchema('svc', { DEFAULT: { backends: opt.string({ mutable: true }) }, sectionTemplates: [{ namesFrom: 'backends', options: {} }] }),
    new TypeError('service svc: section template namesFrom "backends" must be an opt.list, got opt.string'));
  t.throws(() => buildConfigSchema('svc', { DEFAULT: { backends: opt.list() }, sectionTemplates: [{ namesFrom: 'backends', options: {} }] }),
    new TypeError('service svc: section template namesFrom "backends" must be mutable (the set of sections a reload applies follows it)'));
});

t.test('the standard [oslo_messaging_notifications] section, as oslo.messaging registers it; a service may add to it', async (t) => {
  const schema = buildConfigSchema('svc', { sections: { oslo_messaging_notifications: { retry: opt.int({ default: -1 }) } } });
  const section = schema.sections.oslo_messaging_notifications!;
  t.same(Object.fromEntries(Object.entries(section).map(([name, d]) => [name, [d.type.name, d.default, d.mutable, d.multi]])), {
    driver: ['choice', undefined, true, true],
    transport_url: ['transport URL', undefined, true, false],
    topics: ['list', ['notifications'], true, false],
    retry: ['int', -1, false, false],
  });
  t.same(section.driver?.type.parse('messagingv2'), { ok: true, value: 'messagingv2' });
  t.same(section.driver?.type.parse('messagin'), { ok: false, expected: 'one of "messagingv2", "messaging", "routing", "log", "test", "noop"' });
});
