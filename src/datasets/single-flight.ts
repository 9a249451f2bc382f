/** How long a settled answer stays shared: runs of one fire instant that waited for a run slot still get it. */
const KEEP_MS = 10 * 60_000;
const MAX_KEPT = 20_000;

/**
 * Single flight for provider requests: runs that need the same request for the same fire instant
 * (100 jobs over the same symbols at 17:00) make it once. The first caller's request is shared while
 * in flight, and its answer for a while after, so that runs queued behind the concurrency limit share
 * it too. A failure is shared only while in flight: a later run tries again.
 */
export class SharedRequests {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly kept = new Map<string, { answer: unknown; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * `request()`'s answer for `key`, made at most once per key while in flight or kept. `keep: false`
   * shares it only while in flight: for answers too big to hold on to (a decade of bars).
   */
  run<T>(key: string, request: () => Promise<T>, { keep = true }: { keep?: boolean } = {}): Promise<T> {
    const kept = this.kept.get(key);
    if (kept && kept.until > this.now()) return Promise.resolve(kept.answer as T);
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const started = request().then(
      (answer) => {
        this.inFlight.delete(key);
        if (keep) this.keep(key, answer);
        return answer;
      },
      (error: unknown) => {
        this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, started);
    return started;
  }

  private keep(key: string, answer: unknown): void {
    const now = this.now();
    for (const [oldest, entry] of this.kept) {
      if (this.kept.size < MAX_KEPT && entry.until > now) break;
      this.kept.delete(oldest);
    }
    this.kept.set(key, { answer, until: now + KEEP_MS });
  }
}
