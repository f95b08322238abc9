// defineService: one declaration of a service (name, options, drivers, start hook), checked once.
import { buildConfigSchema, type ConfigSchema, type OptionsDeclaration } from './config/schema.js';
import type { DriverSpec } from './drivers/driver-spec.js';
import type { Runtime } from './runtime-api.js';

/** What the `start` hook may return: closed first when the service stops. */
export interface StartHandle {
  close(): Promise<void> | void;
}

/** What a service declares. */
export interface ServiceDefinition {
  /** Service name: used for the default control socket path and in every event. */
  name: string;
  /** Read when neither --config-file nor --config-dir is given; missing ones are skipped. */
  defaultConfigFiles?: readonly string[];
  options?: OptionsDeclaration;
  drivers?: readonly DriverSpec[];
  /** Runs once after the first config and drivers are ready (e.g. opens the HTTP listener). */
  start?: (rt: Runtime) => Promise<StartHandle | void> | StartHandle | void;
}

/** A checked service definition with its complete config schema (standard options included). */
export interface Service extends ServiceDefinition {
  readonly schema: ConfigSchema;
  readonly drivers: readonly DriverSpec[];
}

/** Checks a definition (duplicate driver kinds, section templates) and completes its config schema. */
export function defineService(definition: ServiceDefinition): Service {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.@-]*$/.test(definition.name)) {
    throw new TypeError(`service name ${JSON.stringify(definition.name)}: expected letters, digits, ".", "_", "-", "@"`);
  }
  const drivers = [...(definition.drivers ?? [])];
  const kinds = new Set<string>();
  for (const driver of drivers) {
    if (kinds.has(driver.kind)) throw new TypeError(`service ${definition.name}: driver kind "${driver.kind}" is declared twice`);
    kinds.add(driver.kind);
    if (driver.mode !== undefined && driver.mode !== 'overlap' && driver.mode !== 'exclusive') {
      throw new TypeError(`service ${definition.name}: driver ${driver.kind} mode: expected "overlap" or "exclusive", got ${JSON.stringify(driver.mode)}`);
    }
  }
  const schema = buildConfigSchema(definition.name, definition.options);
  for (const driver of drivers) {
    for (const option of driver.dependsOn ?? []) {
      if (!(option in schema.DEFAULT)) {
        throw new TypeError(`service ${definition.name}: driver ${driver.kind} dependsOn "${option}", which is not a declared [DEFAULT] option`);
      }
    }
  }
  return Object.freeze({ ...definition, drivers: Object.freeze(drivers), schema });
}
