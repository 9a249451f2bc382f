import { Inject, Injectable } from '@nestjs/common';
import { BAR_STORE, type BarStore, type SnapshotRecord } from '../../storage/bar-store.js';
import type { Bar, CorporateAction } from '../../market-data/bar.js';
import { validateBars } from './bar-validator.js';
import { planFetch } from './fetch-plan.js';
import { MARKET_DATA_PROVIDER, type MarketDataProvider, providerMethod } from '../../market-data/market-data-provider.js';
import { sourceOf, withSource } from '../../market-data/chain/served-by.js';
import type { RequestContext } from '../dataset.js';
import { SharedRequests } from '../single-flight.js';
import { NoDataError } from '../../market-data/provider-errors.js';

export interface IngestRequest extends RequestContext {
  prefix: string;
  symbol: string;
  interval: string;
  from: Date;
  to: Date;
  /** When set, also writes the legacy window key with this TTL. */
  snapshot: { start_date: string; end_date: string; ttlSeconds: number } | null;
}

export interface IngestResult {
  written: number;
  rejected: number;
  /** True when only the part of the window the series lacked was requested. */
  incremental: boolean;
  /** The provider that gave the bars (of the last request, when there were two; each bar keeps its own). */
  source?: string;
}

/**
 * One symbol's window: fetch, validate, upsert into its series, optionally snapshot. Only the part
 * of the window the series lacks is requested (see {@link planFetch}): the head before the span it
 * holds, then the tail from its newest bar on (one bar of overlap, so a still-forming bar is
 * refreshed): seed 004's "only downloads new data points", and a longer window is backfilled.
 */
@Injectable()
export class BarIngestor {
  constructor(
    @Inject(MARKET_DATA_PROVIDER) private readonly provider: MarketDataProvider,
    @Inject(BAR_STORE) private readonly bars: BarStore,
    private readonly shared: SharedRequests,
  ) {}

  async ingest(request: IngestRequest): Promise<IngestResult> {
    const { prefix, symbol, interval, to, snapshot } = request;
    const series = { prefix, symbol, interval };
    const plan = planFetch({ from: request.from.getTime(), to: to.getTime() }, await this.bars.coverage(series));
    const fetched: Bar[] = [];
    const actions: CorporateAction[] = [];
    let source: string | undefined;
    for (const { from, to: until } of plan.requests) {
      // Jobs of other prefixes asking for the same window at once share the request (not the answer
      // after it: a long backfill is too big to hold on to).
      const { logContext, providers, retry } = request;
      const fetchChart = () => providerMethod(this.provider, 'fetchChart')({ symbol, interval, from: new Date(from), to: new Date(until), logContext, providers, retry });
      const policy = retry ? `${retry.attempts}/${retry.backoff_ms}` : '';
      const chart = await this.shared.run(`chart|${symbol}|${interval}|${from}|${until}|${providers ?? ''}|${policy}`, fetchChart, { keep: false });
      const servedBy = sourceOf(chart);
      source = servedBy ?? source;
      fetched.push(...withSource(chart.bars, servedBy));
      actions.push(...chart.actions);
    }
    const { valid, rejected } = validateBars(fetched);
    if (valid.length === 0 && plan.whole) {
      const reason = fetched.length ? `all ${fetched.length} bars failed validation` : 'no data returned';
      throw new NoDataError(`${reason} for ${symbol}`, rejected);
    }
    // The coverage goes with the bars, in one step: it never claims a bar the series lacks, and a
    // run fetching another window at the same time cannot slip its bars in between.
    const written = await this.bars.upsert(series, valid, plan.covered);
    await this.bars.upsertActions(series, actions);
    if (snapshot) {
      const window = await this.bars.range(series, request.from.getTime(), to.getTime() - 1);
      const id = { prefix, symbol, start_date: snapshot.start_date, end_date: snapshot.end_date };
      await this.bars.writeSnapshot(id, window.map((bar) => toSnapshotRecord(bar, interval)), snapshot.ttlSeconds);
    }
    return { written, rejected, incremental: !plan.whole, source };
  }
}

/** The seed's record shape; daily and longer bars carry a plain date as the seed showed. */
function toSnapshotRecord(bar: Bar, interval: string): SnapshotRecord {
  const iso = new Date(bar.time).toISOString();
  return {
    Date: /^\d+(d|wk|mo)$/.test(interval) ? iso.slice(0, 10) : iso,
    Open: bar.open,
    High: bar.high,
    Low: bar.low,
    Close: bar.close,
    'Adj Close': bar.adj_close,
    Volume: bar.volume,
  };
}
