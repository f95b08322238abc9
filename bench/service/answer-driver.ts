// The bench service's driver: holds the configured answer and runs "work" that takes a given time.
// `cut` ends every operation at once with an error: the bench uses it to model a reload without drain.

/** One generation of the answer driver. */
export class AnswerDriver {
  private readonly holds = new Set<{ timer: NodeJS.Timeout; reject: (error: Error) => void }>();
  private closed = false;

  constructor(readonly generation: number, readonly answer: string) {}

  /** Work that takes `ms` milliseconds; rejects when the driver is cut. */
  hold(ms: number): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`answer driver generation ${this.generation} is closed`));
    return new Promise((resolve, reject) => {
      const entry = {
        timer: setTimeout(() => {
          this.holds.delete(entry);
          resolve();
        }, ms),
        reject,
      };
      this.holds.add(entry);
    });
  }

  /** Ends every running operation with an error and refuses new ones (what closing without drain does). */
  cut(reason: string): number {
    this.closed = true;
    const count = this.holds.size;
    for (const entry of this.holds) {
      clearTimeout(entry.timer);
      entry.reject(new Error(`answer driver generation ${this.generation} closed under the operation: ${reason}`));
    }
    this.holds.clear();
    return count;
  }

  /** Called by the runtime once the generation has no work left. */
  close(): void {
    this.closed = true;
  }
}
