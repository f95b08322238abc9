// What a service declares about its configuration, and the runtime's own [DEFAULT] options added to it.
import { opt, type OptionMap } from './options.js';
import { transportUrlType } from './transport-url.js';

/** Sections whose names are listed by a [DEFAULT] list option (oslo.config's dynamic groups). */
export interface SectionTemplate {
  /** A [DEFAULT] list option naming the sections; it must be declared mutable. */
  namesFrom: string;
  options: OptionMap;
}

/** The options a service declares: [DEFAULT], fixed named sections, section templates. */
export interface OptionsDeclaration {
  DEFAULT?: OptionMap;
  sections?: Record<string, OptionMap>;
  sectionTemplates?: SectionTemplate[];
}

/** A declaration completed with the runtime's standard options and checked for consistency. */
export interface ConfigSchema {
  DEFAULT: OptionMap;
  sections: Record<string, OptionMap>;
  sectionTemplates: SectionTemplate[];
}

/** The [DEFAULT] options every service gets (a service may redeclare one to change its default). */
export function declareStandardOptions(serviceName: string): OptionMap {
  return {
    control_socket: opt.path({ default: `/run/${serviceName}/control.sock`, help: 'unix socket of the synchronous reload client' }),
    notification_file: opt.path({ mutable: true, help: 'JSON-lines file that receives every runtime event' }),
    reload_drain_timeout: opt.float({ default: 60, min: 0, mutable: true, help: 'seconds a reload may wait for in-flight work to drain' }),
    graceful_shutdown_timeout: opt.float({ default: 60, min: 0, mutable: true, help: 'seconds a stop may wait for in-flight work to drain' }),
    reload_max_waiters: opt.int({ default: 1000, min: 0, mutable: true, help: 'requests that may wait at a closed gate per driver' }),
    reload_max_draining_generations: opt.int({ default: 2, min: 1, mutable: true, help: 'replaced generations of one overlap driver that may still be draining' }),
    debug: opt.bool({ default: false, mutable: true, help: 'debug logging' }),
    config_strict: opt.bool({ default: false, mutable: true, help: 'refuse unknown sections and options instead of warning about them' }),
    metrics_listen: opt.hostPort({ mutable: true, help: 'host:port of the Prometheus /metrics listener (unset = off)' }),
    transport_url: transportUrlOption('messaging transport of the service (oslo.messaging); notifications use it unless [oslo_messaging_notifications] transport_url is set'),
    control_exchange: opt.string({ default: 'openstack', mutable: true, help: 'exchange that oslo.messaging notifications are published to' }),
  };
}

/** The notification drivers oslo.messaging knows (its stevedore entry points); docs/notifications.md says which publish. */
export const OSLO_NOTIFICATION_DRIVERS = ['messagingv2', 'messaging', 'routing', 'log', 'test', 'noop'] as const;

/** The named sections every service gets, as oslo.messaging registers them (a service may add options to them). */
export function declareStandardSections(): Record<string, OptionMap> {
  return {
    oslo_messaging_notifications: {
      driver: opt.choice({ choices: OSLO_NOTIFICATION_DRIVERS, multi: true, mutable: true, help: 'notification drivers; messagingv2 publishes every runtime event on the message bus' }),
      transport_url: transportUrlOption('messaging transport of notifications (default: [DEFAULT] transport_url)'),
      topics: opt.list({ default: ['notifications'], mutable: true, help: 'topics notifications are published on (routing key <topic>.<priority>)' }),
    },
  };
}

/** An oslo.messaging transport URL option, mutable (a reload re-creates the connection). */
function transportUrlOption(help: string) {
  return { type: transportUrlType, required: false, mutable: true, multi: false, help };
}

/** Adds the standard options and checks the declaration; a contradiction is a programming error, thrown. */
export function buildConfigSchema(serviceName: string, declared: OptionsDeclaration = {}): ConfigSchema {
  const schema: ConfigSchema = {
    DEFAULT: { ...declareStandardOptions(serviceName), ...declared.DEFAULT },
    sections: mergeSections(declareStandardSections(), declared.sections ?? {}),
    sectionTemplates: [...(declared.sectionTemplates ?? [])],
  };
  if ('DEFAULT' in schema.sections) {
    throw new TypeError(`service ${serviceName}: declare [DEFAULT] options under options.DEFAULT, not options.sections.DEFAULT`);
  }
  for (const template of schema.sectionTemplates) {
    const source = schema.DEFAULT[template.namesFrom];
    if (!source) {
      throw new TypeError(`service ${serviceName}: section template namesFrom "${template.namesFrom}" is not a declared [DEFAULT] option`);
    }
    if (source.type.name !== 'list') {
      throw new TypeError(`service ${serviceName}: section template namesFrom "${template.namesFrom}" must be an opt.list, got opt.${source.type.name}`);
    }
    if (!source.mutable) {
      throw new TypeError(`service ${serviceName}: section template namesFrom "${template.namesFrom}" must be mutable (the set of sections a reload applies follows it)`);
    }
  }
  return schema;
}

/** Standard sections completed with what the service declares in them (the service's declaration wins per option). */
function mergeSections(standard: Record<string, OptionMap>, declared: Record<string, OptionMap>): Record<string, OptionMap> {
  const sections: Record<string, OptionMap> = { ...standard };
  for (const [name, options] of Object.entries(declared)) sections[name] = { ...sections[name], ...options };
  return sections;
}
