// The runtime's public API: everything a service embeds is exported from here.

/** Declaring a service. */
export { defineService, type Service, type ServiceDefinition, type StartHandle } from './define-service.js';
/** Starting it (createRuntime) and validating its files without running it (check-config). */
export { createRuntime, loadServiceConfig, type CreateRuntimeOptions } from './create-runtime.js';
/** The `rt` object and what it returns. */
export type { Runtime, ReloadRequest, StopResult, EventListener } from './runtime-api.js';
/** The controller's states. */
export type { RuntimeState } from './controller/states.js';
/** What `rt.status()` returns. */
export type { RuntimeStatus, DrainingGeneration } from './status.js';
/** Drivers and the lease work runs under. */
export type { DriverSpec, DriverMode, DriverContext, Lease } from './drivers/driver-spec.js';
/** Why `rt.use` / `rt.track` refused work. */
export { UnknownDriverError, GateFullError, GateTimeoutError, ServiceStoppingError } from './model/errors.js';
/** Option declarations. */
export { opt, type OptionDeclaration, type OptionSettings, type OptionMap } from './config/options.js';
/** Option value types. */
export type { HostPort, OptionType } from './config/option-types.js';
/** Section declarations and the completed schema. */
export type { OptionsDeclaration, SectionTemplate, ConfigSchema } from './config/schema.js';
/** The [DEFAULT] options every service gets. */
export { declareStandardOptions } from './config/schema.js';
/** The immutable configuration. */
export { ConfigSnapshot, type ValueSource, type SectionValues } from './config/snapshot.js';
/** Every configuration problem, located. */
export { ConfigError } from './config/errors.js';
/** Reading configuration files. */
export { listConfigFiles, loadConfig, type ConfigSources } from './config/loader.js';
/** The oslo.config INI dialect. */
export { parseIni, type IniDocument, type IniSection, type IniValue } from './config/ini-parser.js';
/** What a reload would change. */
export { diffConfig, type ConfigDiff } from './config/diff.js';
/** Notification destinations. */
export type { NotificationSink } from './notify/sink.js';
/** Event shapes. */
export type * from './model/events.js';
/** The command line: run, reload, check-config, status. */
export { runService, type RunServiceOptions } from './cli/run-service.js';
/** The entry point whose reload and status run without importing the service (import it from its own file to keep them light). */
export { runServiceMain, type ServiceMain } from './cli/run-service-main.js';
/** The control socket of a runtime, for services that call createRuntime themselves (runService starts it). */
export { serveRuntime, type ServeRuntimeOptions } from './control/serve-runtime.js';
/** A listening control socket: its path, and close(). */
export type { ControlServer } from './control/server.js';
/** The standard sinks runService installs. */
export { createJsonLogSink } from './notify/json-log.js';
/** Appends every event to notification_file. */
export { createJsonlFileSink } from './notify/jsonl-file.js';
/** systemd readiness and reload notifications. */
export { createSdNotifySink } from './notify/sd-notify.js';
/** The runtime's version (package.json's). */
export { RUNTIME_VERSION } from './version.js';
/** oslo.messaging notifications on the message bus ([oslo_messaging_notifications]; amqplib loaded on demand). */
export { createOsloMessagingSink, type OsloMessagingSink, type OsloMessagingSinkOptions } from './notify/oslo-messaging-sink.js';
/** The Prometheus endpoint on metrics_listen. */
export { startMetricsListener, type MetricsListener } from './metrics/metrics-listener.js';
