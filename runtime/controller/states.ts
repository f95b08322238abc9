// The controller's states and the transitions it allows between them.

/** Controller states: starting → ready ⇄ reloading ⇄ draining → stopping → stopped. */
export type RuntimeState = 'starting' | 'ready' | 'reloading' | 'draining' | 'stopping' | 'stopped';

/** Allowed next states of each state. */
const TRANSITIONS: Record<RuntimeState, readonly RuntimeState[]> = {
  starting: ['ready', 'stopping'],
  ready: ['reloading', 'stopping'],
  reloading: ['draining', 'ready', 'stopping'],
  draining: ['reloading', 'ready', 'stopping'],
  stopping: ['stopped'],
  stopped: [],
};

/** Holds the current state and refuses transitions the lifecycle does not allow. */
export class StateMachine {
  private current: RuntimeState = 'starting';

  /** The state now. */
  get state(): RuntimeState {
    return this.current;
  }

  /**
   * Moves to `next`; staying in the same state is allowed. Once stopping, only `stopped` is taken and
   * other moves are ignored (a reload running into a stop must not revive the service); any other
   * move not listed is a bug and throws.
   */
  moveTo(next: RuntimeState): void {
    if (next === this.current) return;
    if (this.current === 'stopping' && next !== 'stopped') return;
    if (!TRANSITIONS[this.current].includes(next)) {
      throw new Error(`runtime state cannot go from ${this.current} to ${next}`);
    }
    this.current = next;
  }

  /** Whether the service is stopping or stopped. */
  get isStopping(): boolean {
    return this.current === 'stopping' || this.current === 'stopped';
  }
}
