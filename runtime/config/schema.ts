// What a service declares about its configuration, and the runtime's own [DEFAULT] options added to it.
import { opt, type OptionMap } from './options.js';

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
  };
}

/** Adds the standard options and checks the declaration; a contradiction is a programming error, thrown. */
export function buildConfigSchema(serviceName: string, declared: OptionsDeclaration = {}): ConfigSchema {
  const schema: ConfigSchema = {
    DEFAULT: { ...declareStandardOptions(serviceName), ...declared.DEFAULT },
    sections: { ...declared.sections },
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
