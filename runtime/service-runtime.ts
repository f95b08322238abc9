// ServiceRuntime: the `rt` object — admits work, runs reloads one at a time, reports status, stops.
import type { ConfigSources } from './config/loader.js';
import { loadConfig } from './config/loader.js';
import type { ConfigSchema } from './config/schema.js';
import type { ConfigSnapshot } from './config/snapshot.js';
import { ReloadCoalescer } from './controller/coalescer.js';
import type { ReloadHost } from './controller/reload-host.js';
import { runReloadTransaction, type ReloadResult } from './controller/reload-transaction.js';
import { StateMachine, type RuntimeState } from './controller/states.js';
import type { Service, StartHandle } from './define-service.js';
import type { Lease } from './drivers/driver-spec.js';
import { DriverSet } from './drivers/driver-set.js';
import { toDriverKey } from './drivers/driver-slot.js';
import { ServiceStoppingError, UnknownDriverError } from './model/errors.js';
import type { ReloadEndEvent, ReloadTrigger, RuntimeEvent } from './model/events.js';
import { InflightTracker } from './gate/inflight-tracker.js';
import { EventBus } from './notify/event-bus.js';
import type { NotificationSink } from './notify/sink.js';
import { describeStatus, type RuntimeStatus } from './status.js';
import { describeRefusedReload, performGracefulStop } from './graceful-stop.js';
import type { EventListener, ReloadRequest, Runtime, StopResult } from './runtime-api.js';

/** The runtime of one service process (built and started by createRuntime). */
export class ServiceRuntime implements Runtime, ReloadHost {
  readonly states = new StateMachine();
  readonly bus: EventBus;
  readonly drivers: DriverSet;
  readonly tracked = new InflightTracker();
  readonly coalescer: ReloadCoalescer<ReloadResult, ReloadTrigger>;
  config!: ConfigSnapshot;
  drainBudgetSeconds?: number;
  lastReload?: ReloadEndEvent;
  startHandle?: StartHandle;
  private reloadCount = 0;
  private stopping?: Promise<StopResult>;
  private markStarted!: () => void;
  /** Resolves when createRuntime has finished start-up (or gave up): reloads asked for earlier wait for it. */
  readonly started = new Promise<void>((resolve) => {
    this.markStarted = resolve;
  });

  constructor(readonly definition: Service, private readonly sources: ConfigSources, sinks: readonly NotificationSink[]) {
    this.bus = new EventBus((what, error) => this.reportFailure(what, error));
    for (const sink of sinks) this.bus.addSink(sink);
    this.drivers = new DriverSet(definition.drivers, {
      onRetired: (generation, operationsFinished) => void this.bus.emit({
        event: 'driver.retired', service: this.service, pid: process.pid, reloadId: generation.replacedBy ?? 0,
        driver: generation.key, generation: generation.number, operationsFinished, time: new Date().toISOString(),
      }),
      onCloseError: (generation, error) => this.reportFailure(`closing driver ${generation.key} generation ${generation.number} failed`, error),
    });
    this.coalescer = new ReloadCoalescer((trigger) => runReloadTransaction(this, trigger));
  }

  get service(): string {
    return this.definition.name;
  }

  get schema(): ConfigSchema {
    return this.definition.schema;
  }

  get state(): RuntimeState {
    return this.states.state;
  }

  loadNextConfig(): Promise<ConfigSnapshot> {
    return loadConfig({ ...this.sources, defaultConfigFiles: this.definition.defaultConfigFiles }, this.schema);
  }

  nextReloadId(): number {
    this.reloadCount += 1;
    return this.reloadCount;
  }

  async use<D = any, R = unknown>(kind: string, section: string, fn: (driver: D, lease: Lease<D>) => Promise<R> | R): Promise<R> {
    const key = toDriverKey(kind, section);
    let slot = this.findSlot(kind, section);
    while (!slot.gate.isOpen) {
      await slot.gate.pass({
        maxWaiters: this.config.get('DEFAULT', 'reload_max_waiters') as number,
        timeoutSeconds: this.drainBudgetSeconds ?? (this.config.get('DEFAULT', 'reload_drain_timeout') as number),
      });
      slot = this.findSlot(kind, section);
    }
    const generation = slot.current;
    const end = generation.tracker.begin();
    const lease: Lease<D> = { driver: generation.driver as D, kind, section, key, generation: generation.number, config: this.config };
    try {
      return await fn(lease.driver, lease);
    } finally {
      end();
    }
  }

  async track<R>(fn: () => Promise<R> | R): Promise<R> {
    if (this.states.isStopping) throw new ServiceStoppingError(this.service);
    const end = this.tracked.begin();
    try {
      return await fn();
    } finally {
      end();
    }
  }

  async reload(request: ReloadRequest = {}): Promise<ReloadEndEvent> {
    const trigger = request.trigger ?? 'api';
    await this.started;
    if (this.states.isStopping) return describeRefusedReload(this, trigger);
    const result = await this.coalescer.request(trigger);
    if (request.waitDrained) await result.drained;
    return result.end;
  }

  on(name: string, listener: EventListener<any>): () => void {
    return this.bus.on(name, listener as (event: RuntimeEvent) => void);
  }

  addSink(sink: NotificationSink): void {
    this.bus.addSink(sink);
  }

  waitDrained(): Promise<void> {
    return this.drivers.whenDrained();
  }

  status(): RuntimeStatus {
    return describeStatus(this);
  }

  stop(): Promise<StopResult> {
    this.stopping ??= performGracefulStop(this);
    return this.stopping;
  }

  /** Ends start-up: the state becomes ready (unless stopping) and waiting reloads may run. */
  finishStartUp(): void {
    this.states.moveTo('ready');
    this.markStarted();
  }

  /** Writes one JSON line on stderr: failures of listeners, sinks and driver closes never throw. */
  reportFailure(what: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${JSON.stringify({ level: 'error', msg: what, service: this.service, pid: process.pid, error: message })}\n`);
  }

  /** The slot new work for `kind:section` goes to; refuses when stopping or unknown. */
  private findSlot(kind: string, section: string) {
    if (this.states.isStopping) throw new ServiceStoppingError(this.service);
    const slot = this.drivers.slots.get(toDriverKey(kind, section));
    if (!slot) throw new UnknownDriverError(kind, section, [...this.drivers.slots.keys()]);
    return slot;
  }
}
