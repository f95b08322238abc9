// ReloadCoalescer: one reload at a time; requests during a reload share at most one follow-up.

/** A reload waiting to run, shared by every request it covers. */
interface Queued<T, A> {
  argument: A;
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs `run` one at a time. A request while one runs joins the single queued follow-up (its argument
 * is the first joiner's), which starts the moment the running one settles: a request always gets the
 * outcome of a reload that started after it arrived, so its files were read after it asked.
 */
export class ReloadCoalescer<T, A> {
  private running?: Queued<T, A>;
  private queued?: Queued<T, A>;

  constructor(private readonly run: (argument: A) => Promise<T>) {}

  /** Asks for a run; resolves with the outcome of the run that covers this request. */
  request(argument: A): Promise<T> {
    if (!this.running) {
      const entry = createQueued<T, A>(argument);
      this.launch(entry);
      return entry.promise;
    }
    this.queued ??= createQueued<T, A>(argument);
    return this.queued.promise;
  }

  /** Whether a run is in progress. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Whether a follow-up is queued. */
  get hasQueued(): boolean {
    return this.queued !== undefined;
  }

  /** Resolves when the running run (if any) has settled. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running.promise.catch(() => undefined);
  }

  /** Settles the queued follow-up without running it (used when stopping). */
  cancelQueued(outcome: (argument: A) => T): void {
    const queued = this.queued;
    this.queued = undefined;
    queued?.resolve(outcome(queued.argument));
  }

  private launch(entry: Queued<T, A>): void {
    this.running = entry;
    this.run(entry.argument).then(entry.resolve, entry.reject).finally(() => {
      this.running = undefined;
      const next = this.queued;
      this.queued = undefined;
      if (next) this.launch(next);
    });
  }
}

/** A promise with its settle functions (Promise.withResolvers is newer than Node 18). */
function createQueued<T, A>(argument: A): Queued<T, A> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { argument, promise, resolve, reject };
}
