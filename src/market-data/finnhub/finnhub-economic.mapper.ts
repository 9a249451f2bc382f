import type { EconomicEvent, EconomicEventsRequest } from '../../datasets/economic-events/economic-event.js';
import { InvalidResponseError } from '../provider-errors.js';
import { fieldsOf, numberOrNull, stringOrNull } from '../yahoo/yahoo-values.js';
import { textOrNull } from './finnhub-values.js';

const RELEASE_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/;

// `2020-06-02 01:30:00`, without a zone, is UTC: the documented example, Australia's current account
// balance, is released at 11:30 Sydney time, which is 01:30 UTC.
function releaseTime(value: unknown): number {
  const match = typeof value === 'string' ? RELEASE_TIME.exec(value) : null;
  return match ? Date.parse(`${match[1]}T${match[2]}Z`) : Number.NaN;
}

function toEvent(item: unknown): EconomicEvent {
  const event = fieldsOf(item);
  return {
    time: releaseTime(event.time),
    country: (stringOrNull(event.country) ?? '').toUpperCase(),
    event: stringOrNull(event.event) ?? '',
    impact: textOrNull(event.impact)?.toLowerCase() ?? null,
    actual: numberOrNull(event.actual),
    estimate: numberOrNull(event.estimate),
    previous: numberOrNull(event.prev),
    unit: textOrNull(event.unit),
  };
}

/**
 * The events of a `/calendar/economic` answer in the request's window (Finnhub takes whole days) and
 * countries. An event without a readable time is kept, as NaN, for validation to count.
 */
export function toFinnhubEconomicEvents(answer: unknown, { from, to, countries }: EconomicEventsRequest): EconomicEvent[] {
  const list = fieldsOf(answer).economicCalendar;
  if (!Array.isArray(list)) throw new InvalidResponseError('Finnhub\'s calendar/economic answer has no economicCalendar list');
  const wanted = new Set(countries);
  const inWindow = ({ time }: EconomicEvent) => Number.isNaN(time) || (time >= from.getTime() && time <= to.getTime());
  return list.map(toEvent).filter((event) => (wanted.size === 0 || wanted.has(event.country)) && inWindow(event));
}
