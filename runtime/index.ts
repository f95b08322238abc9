// The runtime's public API: everything a service embeds is exported from here.
export { defineService, type Service, type ServiceDefinition, type StartHandle } from './define-service.js';
export { createRuntime, loadServiceConfig, type CreateRuntimeOptions } from './create-runtime.js';
export type {
  Runtime, RuntimeState, RuntimeStatus, ReloadRequest, DrainingGeneration, StopResult, EventListener,
} from './runtime-types.js';
export type { DriverSpec, DriverMode, DriverContext, Lease } from './drivers/driver-spec.js';
export { UnknownDriverError, GateFullError, GateTimeoutError, ServiceStoppingError } from './errors.js';
export { opt, type OptionDeclaration, type OptionSettings, type OptionMap } from './config/options.js';
export type { HostPort, OptionType } from './config/option-types.js';
export type { OptionsDeclaration, SectionTemplate, ConfigSchema } from './config/schema.js';
export { declareStandardOptions } from './config/schema.js';
export { ConfigSnapshot, type ValueSource, type SectionValues } from './config/snapshot.js';
export { ConfigError } from './config/errors.js';
export { listConfigFiles, loadConfig, type ConfigSources } from './config/loader.js';
export { parseIni, type IniDocument, type IniSection, type IniValue } from './config/ini-parser.js';
export { diffConfig, type ConfigDiff } from './config/diff.js';
export type { NotificationSink } from './notify/sink.js';
export type * from './events.js';
export { runService, type RunServiceOptions } from './cli/run-service.js';
export { createJsonLogSink } from './notify/json-log.js';
export { createJsonlFileSink } from './notify/jsonl-file.js';
export { createSdNotifySink } from './notify/sd-notify.js';
