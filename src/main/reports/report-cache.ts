/**
 * Issue 16: computed reports cached per key (viewer, input and minute), emptied whenever cases or
 * settings change (`cases.changed`, `settings.changed`). A failed computation, or one that a change
 * overtook while it ran, is not kept. At most `entries` results; the oldest goes first.
 */
const MINUTE_MS = 60_000;

export class ReportCache<T> {
  private readonly cache = new Map<string, Promise<T>>();
  private generation = 0;

  constructor(private readonly entries: number) {}

  /** Cases or settings changed: every cached result is stale. */
  invalidate(): void {
    this.generation += 1;
    this.cache.clear();
  }

  get size(): number {
    return this.cache.size;
  }

  /** The cached result for `parts` in the minute of `now`, or a new one from `compute`. */
  get(parts: readonly unknown[], now: Date, compute: () => Promise<T>): Promise<T> {
    const key = JSON.stringify([...parts, Math.floor(now.getTime() / MINUTE_MS)]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const generation = this.generation;
    const computing = compute();
    this.cache.set(key, computing);
    if (this.cache.size > this.entries) this.cache.delete(this.cache.keys().next().value ?? key);
    void computing.then(
      () => generation !== this.generation && this.cache.delete(key),
      () => this.cache.delete(key),
    );
    return computing;
  }
}
