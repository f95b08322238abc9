// createRuntime: load the configuration, build the first drivers, run `start`, return the ready `rt`.
import { loadConfig, type ConfigSource, type ConfigSources } from './config/loader.js';
import type { ResolveOptions } from './config/resolve.js';
import type { ConfigSnapshot } from './config/snapshot.js';
import { defineService, type Service, type ServiceDefinition } from './define-service.js';
import type { NotificationSink } from './notify/sink.js';
import type { Runtime } from './runtime-api.js';
import { ServiceRuntime } from './service-runtime.js';

/** Where the configuration comes from and where events go. */
export interface CreateRuntimeOptions {
  /** --config-file, repeatable, later wins. */
  configFiles?: readonly string[];
  /** --config-dir: `*.conf` in lexical order, after the files. */
  configDirs?: readonly string[];
  /** --config-file and --config-dir in command-line order; when given, configFiles/configDirs are ignored. */
  configSources?: readonly ConfigSource[];
  /** [DEFAULT] values given on the command line (`--debug`): they win over every file, as in oslo.config. */
  commandLine?: Readonly<Record<string, string>>;
  /** Notification sinks (JSON log, JSON-lines file, sd_notify); `rt.on` listeners need none. */
  sinks?: readonly NotificationSink[];
  /** How often a reload that waits for a drain reports drain.progress, in ms (default 5000). */
  drainProgressIntervalMs?: number;
}

/** Accepts a raw definition as well as one already checked by defineService. */
export function toService(service: Service | ServiceDefinition): Service {
  return 'schema' in service ? (service as Service) : defineService(service);
}

/**
 * Loads and validates the configuration (throws ConfigError), builds every driver's first generation
 * (a failure closes what was built and throws), runs `start` (a failure closes the drivers and
 * throws), and returns the runtime in state `ready`. Installs no signal handlers: the caller maps
 * SIGHUP to `rt.reload({ trigger: 'SIGHUP' })` and SIGTERM/SIGINT to `rt.stop()`.
 */
export async function createRuntime(service: Service | ServiceDefinition, options: CreateRuntimeOptions = {}): Promise<Runtime> {
  const rt = new ServiceRuntime(
    toService(service), { configFiles: options.configFiles, configDirs: options.configDirs, ordered: options.configSources, commandLine: options.commandLine }, options.sinks ?? [],
    options.drainProgressIntervalMs,
  );
  await rt.start();
  return rt;
}

/** Loads and validates a service's configuration without running it (`check-config`); throws ConfigError. */
export async function loadServiceConfig(service: Service | ServiceDefinition, sources: ConfigSources = {}, options: ResolveOptions = {}): Promise<ConfigSnapshot> {
  const checked = toService(service);
  return loadConfig({ ...sources, defaultConfigFiles: sources.defaultConfigFiles ?? checked.defaultConfigFiles }, checked.schema, options);
}
