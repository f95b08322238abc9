// Runs async work over a list with at most `limit` items in flight (image builds: 2 on a 2-core machine).
// Small enough that a dependency would cost more than it saves.

// Maps `items` through `work`, at most `limit` at a time, keeping the order; rejects with the first error
// after every started item has settled, so no work is left running behind the caller's back.
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  const errors: unknown[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T);
      } catch (error) {
        errors.push(error);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (errors.length > 0) throw errors[0];
  return results;
}
