// ServiceRuntime: the `rt` object — admits work, runs reloads one at a time, reports status, stops.
// One owner of the runtime's state: the controller decides a reload, this applies it, the bus reports it.
import { runOnDriver } from './admit-work.js';
import type { ConfigSources } from './config/loader.js';
import { loadConfig } from './config/loader.js';
import type { ConfigSchema } from './config/schema.js';
import type { ConfigSnapshot } from './config/snapshot.js';
import { ReloadCoalescer } from './controller/coalescer.js';
import { identifyReload, reloadRefused, reloadStarted, type ReloadResult } from './controller/reload-outcome.js';
import { runReloadTransaction } from './controller/reload-transaction.js';
import { StateMachine, type RuntimeState } from './controller/states.js';
import type { Service, StartHandle } from './define-service.js';
import type { Lease } from './drivers/driver-spec.js';
import { DriverSet } from './drivers/driver-set.js';
import { ServiceStoppingError } from './model/errors.js';
import type { ReloadEndEvent, ReloadTrigger, RuntimeEvent } from './model/events.js';
import { messageOf } from './model/message-of.js';
import { InflightTracker } from './gate/inflight-tracker.js';
import { EventBus } from './notify/event-bus.js';
import type { NotificationSink } from './notify/sink.js';
import { describeStatus, type RuntimeStatus } from './status.js';
import { performGracefulStop } from './graceful-stop.js';
import { describeGeneration, reportWhileWaiting, type DrainProgress } from './controller/drain-progress.js';
import { DRAIN_PROGRESS_INTERVAL_MS } from './model/drain-progress.js';
import type { EventListener, ReloadRequest, Runtime, StopResult } from './runtime-api.js';

/** The runtime of one service process (created and started by createRuntime). */
export class ServiceRuntime implements Runtime {
  readonly states = new StateMachine();
  readonly bus: EventBus;
  readonly drivers: DriverSet;
  readonly tracked = new InflightTracker();
  readonly coalescer: ReloadCoalescer<ReloadResult, ReloadTrigger>;
  private running?: ConfigSnapshot;
  private lastEnd?: ReloadEndEvent;
  private handle?: StartHandle;
  private reloadCount = 0;
  private stopping?: Promise<StopResult>;
  private markStarted!: () => void;
  /** Resolves when start-up has finished: reloads asked for earlier wait for it. */
  private readonly started = new Promise<void>((resolve) => {
    this.markStarted = resolve;
  });

  constructor(
    readonly definition: Service,
    private readonly sources: ConfigSources,
    sinks: readonly NotificationSink[],
    /** How often a waiting reload reports drain progress. */
    readonly drainProgressIntervalMs = DRAIN_PROGRESS_INTERVAL_MS,
  ) {
    this.bus = new EventBus((what, error) => this.reportFailure(what, error));
    for (const sink of sinks) this.bus.addSink(sink);
    this.drivers = new DriverSet(definition.drivers, {
      onRetired: (generation, operationsFinished) => void this.bus.emit({
        event: 'driver.retired', service: this.service, pid: process.pid, reloadId: generation.replacedBy ?? 0,
        driver: generation.key, generation: generation.number, operationsFinished, time: new Date().toISOString(),
      }),
      onCloseError: (generation, error) => this.reportFailure(`closing driver ${generation.key} generation ${generation.number} failed`, error),
    });
    this.coalescer = new ReloadCoalescer((trigger) => this.runReload(trigger));
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

  get config(): ConfigSnapshot {
    if (this.running === undefined) throw new Error(`service ${this.service}: the configuration is not loaded yet (start-up has not read it)`);
    return this.running;
  }

  /** The last reload's end event, once a reload has ended. */
  get lastReload(): ReloadEndEvent | undefined {
    return this.lastEnd;
  }

  /**
   * Start-up: loads the configuration (throws ConfigError), builds every driver's first generation (a
   * failure closes what was built and throws), runs `start` (a failure closes the drivers and throws),
   * and becomes `ready`; reloads asked for meanwhile run after it.
   */
  async start(): Promise<void> {
    this.running = await this.loadNextConfig();
    const first = await this.drivers.buildAll(this.drivers.listTargets(this.running), this.running);
    void this.drivers.install(first, { reloadId: 0 });
    try {
      this.handle = (await this.definition.start?.(this)) ?? undefined;
    } catch (cause) {
      await this.drivers.closeQuietly(first);
      throw new Error(`cannot start ${this.service}: ${messageOf(cause)}`, { cause });
    }
    this.states.moveTo('ready');
    this.markStarted();
  }

  loadNextConfig(): Promise<ConfigSnapshot> {
    return loadConfig({ ...this.sources, defaultConfigFiles: this.definition.defaultConfigFiles }, this.schema);
  }

  use<D = any, R = unknown>(kind: string, section: string, fn: (driver: D, lease: Lease<D>) => Promise<R> | R): Promise<R> {
    return runOnDriver(this, kind, section, fn);
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
    if (this.states.isStopping) return this.refuseReload(trigger);
    const result = await this.coalescer.request(trigger);
    if (request.waitDrained) await this.waitForRetirements(result.end.id, result.drained);
    return result.end;
  }

  /** Emits a drain.progress event for a waiting reload. */
  reportDrainProgress(progress: DrainProgress): void {
    void this.bus.emit({ event: 'drain.progress', service: this.service, pid: process.pid, ...progress, time: new Date().toISOString() });
  }

  /** A --wait-drained request waits for the replaced generations to retire, reporting progress meanwhile. */
  private async waitForRetirements(reloadId: number, drained: Promise<void>): Promise<void> {
    const stopReporting = reportWhileWaiting({ reloadId, intervalMs: this.drainProgressIntervalMs, report: (p) => this.reportDrainProgress(p) }, (elapsedSeconds) => ({
      reloadId, phase: 'retire', elapsedSeconds, drivers: [...this.drivers.retiring].map(describeGeneration),
    }));
    try {
      await drained;
    } finally {
      stopReporting();
    }
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
    this.stopping ??= performGracefulStop(this, this.handle);
    return this.stopping;
  }

  /** The reload.end of a reload asked for while stopping: numbered like the others, never run. */
  refuseReload(trigger: ReloadTrigger): ReloadEndEvent {
    return reloadRefused(identifyReload(this.service, this.nextReloadId(), trigger));
  }

  /** Writes one JSON line on stderr: failures of listeners, sinks and driver closes never throw. */
  reportFailure(what: string, error: unknown): void {
    process.stderr.write(`${JSON.stringify({ level: 'error', msg: what, service: this.service, pid: process.pid, error: messageOf(error) })}\n`);
  }

  /** One reload, start to end: announced, decided by the controller, applied here, then reported. */
  private async runReload(trigger: ReloadTrigger): Promise<ReloadResult> {
    const who = identifyReload(this.service, this.nextReloadId(), trigger);
    this.states.moveTo('reloading');
    void this.bus.emit(reloadStarted(who, this.config.warnings));
    const decision = await runReloadTransaction(this, who);
    let drained = Promise.resolve();
    if (decision.commit) {
      this.running = decision.commit.config;
      drained = this.drivers.install(decision.commit.generations, { reloadId: who.id, removed: decision.commit.removed });
    }
    if (!this.states.isStopping) this.states.moveTo('ready');
    this.lastEnd = decision.end;
    const delivered = this.bus.emit(decision.end);
    decision.releaseGates(delivered);
    await delivered;
    return { end: decision.end, drained };
  }

  /** 1, 2, 3, … per reload of this process (refused ones included). */
  private nextReloadId(): number {
    this.reloadCount += 1;
    return this.reloadCount;
  }
}
