import type { ChartEventsArray, ChartOptions, ChartResultArrayQuote } from 'yahoo-finance2/modules/chart';
import type { Bar, CorporateAction } from '../bar.js';

type ChartInterval = NonNullable<ChartOptions['interval']>;

const CHART_INTERVALS: ReadonlySet<string> = new Set<ChartInterval>([
  '1m', '2m', '5m', '15m', '30m', '60m', '90m', '1h', '1d', '5d', '1wk', '1mo', '3mo',
]);

export function isChartInterval(interval: string): interval is ChartInterval {
  return CHART_INTERVALS.has(interval);
}

// A missing price or volume becomes NaN rather than dropping the quote here, so that the validator
// drops it and counts it in bars_rejected.
const orNaN = (value: number | null): number => value ?? Number.NaN;

export function toBar(quote: ChartResultArrayQuote): Bar {
  const { open, high, low, close, volume } = quote;
  return {
    time: quote.date.getTime(),
    open: orNaN(open),
    high: orNaN(high),
    low: orNaN(low),
    close: orNaN(close),
    adj_close: quote.adjclose ?? null,
    volume: orNaN(volume),
  };
}

export function toActions(events: ChartEventsArray | undefined): CorporateAction[] {
  const dividends = (events?.dividends ?? []).map((d): CorporateAction => ({ time: d.date.getTime(), kind: 'dividend', amount: d.amount }));
  const splits = (events?.splits ?? []).map(
    (s): CorporateAction => ({ time: s.date.getTime(), kind: 'split', numerator: s.numerator, denominator: s.denominator }),
  );
  return [...dividends, ...splits].sort((a, b) => a.time - b.time);
}
