import type { CronTime } from 'cron';

/** A field as cron 4.4.0 parsed it: the values it matches, as keys. */
export type CronField = Record<number, boolean>;
type Unit = 'second' | 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';

/**
 * The fields of `time` as cron parsed them (its types call them private). Read as parsed because
 * `toJSON()` prints a range missing only its last value as `*` (its `_hasAll` stops one short).
 */
export const cronFields = (time: CronTime): Record<Unit, CronField> => time as unknown as Record<Unit, CronField>;
