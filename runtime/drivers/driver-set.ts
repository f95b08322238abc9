// DriverSet: every driver slot of the service, building generations and retiring replaced ones.
import type { ConfigSnapshot } from '../config/snapshot.js';
import type { DriverSpec } from './driver-spec.js';
import { DriverSlot, toDriverKey } from './driver-slot.js';
import { Generation } from './generation.js';
import { messageOf } from '../model/message-of.js';

/** A driver that the configuration asks for. */
export interface DriverTarget {
  spec: DriverSpec;
  section: string;
  key: string;
}

/** What the set reports upward. */
export interface DriverSetHooks {
  /** A replaced generation finished its last operation and was closed. */
  onRetired(generation: Generation, operationsFinished: number): void;
  /** Closing a generation failed (reported, never thrown: the process keeps serving). */
  onCloseError(generation: Generation, error: unknown): void;
}

/** All driver slots, keyed `kind:section`, plus the replaced generations still draining. */
export class DriverSet {
  /** Slots that receive new work. */
  readonly slots = new Map<string, DriverSlot>();
  /** Replaced generations not yet closed, of every slot (removed sections' included). */
  readonly retiring = new Set<Generation>();
  private readonly lastNumber = new Map<string, number>();
  private readonly retirements = new Map<Generation, Promise<void>>();

  constructor(readonly specs: readonly DriverSpec[], private readonly hooks: DriverSetHooks) {}

  /** The drivers `config` asks for, in declaration order; a throwing `sections()` is named in the error. */
  listTargets(config: ConfigSnapshot): DriverTarget[] {
    return this.specs.flatMap((spec) => {
      let sections: readonly string[];
      try {
        sections = spec.sections(config);
      } catch (cause) {
        throw new Error(`cannot list the sections of driver kind ${spec.kind}: ${messageOf(cause)}`, { cause });
      }
      return [...new Set(sections)].map((section) => ({ spec, section, key: toDriverKey(spec.kind, section) }));
    });
  }

  /** Builds one new generation (numbers are never reused, even when a build fails); errors name the driver. */
  async build(target: DriverTarget, config: ConfigSnapshot): Promise<Generation> {
    const generation = (this.lastNumber.get(target.key) ?? 0) + 1;
    this.lastNumber.set(target.key, generation);
    const context = { kind: target.spec.kind, section: target.section, key: target.key, generation, config };
    try {
      return new Generation(target.spec, context, await target.spec.create(context));
    } catch (cause) {
      throw new Error(`cannot build driver ${target.key} (generation ${generation}): ${messageOf(cause)}`, { cause });
    }
  }

  /** Builds all targets in parallel; if any fails, closes the ones that were built and throws the first error. */
  async buildAll(targets: readonly DriverTarget[], config: ConfigSnapshot): Promise<Generation[]> {
    const results = await Promise.allSettled(targets.map((target) => this.build(target, config)));
    const built = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) {
      await this.closeQuietly(built);
      throw failure.reason;
    }
    return built;
  }

  /** Closes generations that never served (a failed or aborted reload), reporting close errors. */
  async closeQuietly(generations: readonly Generation[]): Promise<void> {
    await Promise.all(generations.map((g) => g.close().catch((error: unknown) => this.hooks.onCloseError(g, error))));
  }

  /**
   * Installs generations in one synchronous step: each opens the slot of its key, or becomes the current
   * generation of the slot it replaces; `removed` slots leave. Replaced and removed generations retire in
   * the background, marked as replaced by `reloadId`; resolves when they all have. At start-up every
   * generation opens a slot and nothing retires.
   */
  install(generations: readonly Generation[], change: { reloadId: number; removed?: readonly DriverSlot[] }): Promise<void> {
    const replaced: Generation[] = [];
    for (const generation of generations) {
      const slot = this.slots.get(generation.key);
      if (slot) {
        replaced.push(slot.current);
        slot.current = generation;
      } else {
        this.slots.set(generation.key, new DriverSlot(generation.spec, generation.context.section, generation));
      }
    }
    for (const slot of change.removed ?? []) {
      this.slots.delete(slot.key);
      replaced.push(slot.current);
    }
    return Promise.all(replaced.map((old) => this.retire(old, change.reloadId))).then(() => undefined);
  }

  /** Replaces or removes: marks `generation` replaced by `reloadId` and retires it in the background. */
  retire(generation: Generation, reloadId: number): Promise<void> {
    generation.markReplaced(reloadId);
    this.retiring.add(generation);
    const slot = this.slots.get(generation.key);
    if (slot && slot.current !== generation) slot.draining.add(generation);
    const retirement = generation.retire().then(
      (operations) => this.hooks.onRetired(generation, operations),
      (error: unknown) => this.hooks.onCloseError(generation, error),
    ).finally(() => {
      this.retiring.delete(generation);
      this.slots.get(generation.key)?.draining.delete(generation);
      this.retirements.delete(generation);
    });
    this.retirements.set(generation, retirement);
    return retirement;
  }

  /** Resolves when `generation` has retired and left the draining sets (at once if it is not draining). */
  whenRetired(generation: Generation): Promise<void> {
    return this.retirements.get(generation) ?? Promise.resolve();
  }

  /** Resolves when no replaced generation is draining (including ones replaced meanwhile). */
  async whenDrained(): Promise<void> {
    while (this.retirements.size > 0) await Promise.all([...this.retirements.values()]);
  }

  /** Every generation not yet closed: current ones and draining ones. */
  allGenerations(): Generation[] {
    return [...[...this.slots.values()].map((slot) => slot.current), ...this.retiring];
  }
}
