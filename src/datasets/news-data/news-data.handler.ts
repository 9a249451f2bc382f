import { Inject, Injectable, Logger } from '@nestjs/common';
import { MARKET_DATA_PROVIDER, type MarketDataProvider, providerMethod } from '../../market-data/market-data-provider.js';
import { NoDataError } from '../../market-data/provider-errors.js';
import { withSource } from '../../market-data/chain/served-by.js';
import type { DatasetHandler, DatasetRun, SymbolOutcome } from '../dataset-handler.js';
import { DATASET_RULES } from '../dataset-rules.js';
import { fetchPerSymbol } from '../per-symbol-fetch.js';
import { retentionStart } from '../retention.js';
import { SharedRequests } from '../single-flight.js';
import { NEWS_STORE, type NewsStore } from './news-store.js';
import { validateArticles } from './news-validator.js';

/**
 * News: per symbol the newest `news_count` articles, one request each, added to the symbol's
 * articles unless their id is stored already. An answer without articles is a success that writes
 * nothing: Yahoo's search answers an unknown symbol the same way as a quiet one.
 */
@Injectable()
export class NewsDataHandler implements DatasetHandler {
  readonly dataset = 'news_data';
  readonly batchSize = 1;
  private readonly logger = new Logger(NewsDataHandler.name);

  constructor(
    @Inject(MARKET_DATA_PROVIDER) private readonly provider: MarketDataProvider,
    private readonly shared: SharedRequests,
    @Inject(NEWS_STORE) private readonly news: NewsStore,
  ) {}

  fetch(run: DatasetRun, symbols: string[]): Promise<SymbolOutcome[]> {
    const count = run.job.news_count ?? (DATASET_RULES.news_data.fields.news_count as number);
    const keepFrom = retentionStart(run, 'news_data');
    return fetchPerSymbol(this.shared, run, symbols, this.logger, {
      dataset: this.dataset,
      what: 'news',
      variant: String(count),
      request: (request) => providerMethod(this.provider, 'fetchNews')({ ...request, count }),
      store: async (id, answer, source) => {
        const { valid, rejected } = validateArticles(answer);
        if (valid.length === 0 && rejected > 0) throw new NoDataError(`all ${rejected} articles of ${id.symbol} failed validation`, rejected);
        return { written: await this.news.add(id, withSource(valid, source), keepFrom), rejected };
      },
    });
  }
}
