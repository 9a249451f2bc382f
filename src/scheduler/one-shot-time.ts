import { CronTime } from 'cron';
import { DateTime } from 'luxon';

/**
 * A `CronTime` for one fixed instant that cron can never find in the past: once the instant has
 * passed it answers "now" (a timeout of 0), so the CronJob fires at once instead of throwing.
 *
 * cron 4.4.0's timer callback asks `getTimeout()` again when it wakes before the end it measured
 * (`startTime + timeout`, with `startTime` taken after the timeout): on a busy event loop the
 * instant can already be past then, and a plain `CronTime` of a Date throws "Date in past" from
 * inside the timer, where nothing can catch it.
 */
export class OneShotTime extends CronTime {
  private readonly atMs: number;

  constructor(at: Date) {
    // A zone given spares CronTime from asking Intl for the system's, which costs more than the rest.
    super(at, 'UTC');
    this.atMs = at.getTime();
  }

  override sendAt(): DateTime;
  override sendAt(i: number): DateTime[];
  override sendAt(i?: number): DateTime | DateTime[] {
    const at = DateTime.fromMillis(Math.max(this.atMs, Date.now()), { zone: 'UTC' });
    return i === undefined ? at : [at];
  }

  override getTimeout(): number {
    return Math.max(0, this.atMs - Date.now());
  }
}
