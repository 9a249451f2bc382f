/**
 * Runs `tick` over and over, one at a time: each tick answers how long to wait before the next (a
 * queue's earliest due time, capped by a poll interval), and {@link wake} brings the next one
 * forward (something was queued here). A tick must not throw: it answers its retry delay instead.
 */
export class DueLoop {
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private running: Promise<void> | null = null;
  /** The earliest wake asked for while a tick ran. */
  private wokenAt = Infinity;
  private stopped = false;

  constructor(private readonly tick: () => Promise<number>) {}

  /** Runs a tick within `delayMs`, or sooner if one is due sooner already. */
  wake(delayMs = 0): void {
    const at = Date.now() + Math.max(0, delayMs);
    if (this.running) this.wokenAt = Math.min(this.wokenAt, at);
    else if (at < this.timerAt) this.arm(at);
  }

  /** Stops looping and waits for the tick in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private arm(at: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.run(), Math.max(0, at - Date.now()));
  }

  private run(): void {
    this.timer = null;
    this.timerAt = Infinity;
    this.running = this.tick().then((delayMs) => {
      this.running = null;
      const next = Math.min(Date.now() + delayMs, this.wokenAt);
      this.wokenAt = Infinity;
      this.arm(next);
    });
  }
}
