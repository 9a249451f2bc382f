/** Turns of the event loop a batch waits at most for more items. */
const MAX_GATHER_TURNS = 5;

interface Batch<T> {
  items: T[];
  handled: Promise<void>;
  close: () => void;
}

/**
 * Gathers the fires of one instant into one batch. The timers of an instant expire over a
 * millisecond or two of Node's loop clock, so their fires arrive over several turns of the event
 * loop: a batch closes at the first turn that brings nothing new, or after a few turns so that a
 * steady stream of fires is not held back. (Closing batches at a fixed size, so that the first
 * is claimed while later timers still fire, measured worse: the replies then interleave with the
 * timers and the last fires wait behind the first runs.)
 */
export class FireBatcher<T> {
  private open: Batch<T> | null = null;
  private readonly inProgress = new Set<Promise<void>>();

  constructor(private readonly handle: (items: T[]) => Promise<void>) {}

  /** Adds an item; the promise settles when its batch has been handled. */
  add(item: T): Promise<void> {
    const batch = (this.open ??= this.gather());
    batch.items.push(item);
    return batch.handled;
  }

  /** Closes the batch being gathered and waits for every batch in progress. */
  async flush(): Promise<void> {
    this.open?.close();
    await Promise.allSettled(this.inProgress);
  }

  private gather(): Batch<T> {
    const items: T[] = [];
    let close: () => void = () => undefined;
    const handled = new Promise<void>((resolve) => {
      close = () => {
        if (this.open !== batch) return;
        this.open = null;
        const handling = this.handle(items).finally(() => this.inProgress.delete(handling));
        this.inProgress.add(handling);
        resolve(handling);
      };
    });
    const batch: Batch<T> = { items, handled, close };
    let seen = 0;
    let turns = 0;
    const watch = () => {
      if (this.open !== batch) return;
      if (items.length > seen && turns++ < MAX_GATHER_TURNS) {
        seen = items.length;
        setImmediate(watch);
      } else {
        close();
      }
    };
    setImmediate(watch);
    return batch;
  }
}
