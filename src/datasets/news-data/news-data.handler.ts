import { Inject, Injectable, Logger } from '@nestjs/common';
import { MARKET_DATA_PROVIDER, type MarketDataProvider, providerMethod } from '../../market-data/market-data-provider.js';
import { NoDataError } from '../../market-data/provider-errors.js';
import type { DatasetHandler, DatasetRun, SymbolOutcome } from '../dataset-handler.js';
import { DATASET_RULES } from '../dataset-rules.js';
import { retentionStart } from '../retention.js';
import { SharedRequests } from '../single-flight.js';
import { outcomeOf } from '../symbol-outcome.js';
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

  async fetch(run: DatasetRun, symbols: string[]): Promise<SymbolOutcome[]> {
    const count = run.job.news_count ?? (DATASET_RULES.news_data.fields.news_count as number);
    const keepFrom = retentionStart(run, 'news_data');
    return Promise.all(
      symbols.map((symbol) =>
        outcomeOf(
          run,
          symbol,
          this.logger,
          async () => {
            const request = { symbol, count, logContext: run.logContext(symbol) };
            const answer = await this.shared.run(`news_data|${run.asOf}|${symbol}|${count}`, () => providerMethod(this.provider, 'fetchNews')(request));
            const { valid, rejected } = validateArticles(answer);
            if (valid.length === 0 && rejected > 0) throw new NoDataError(`all ${rejected} articles of ${symbol} failed validation`, rejected);
            return { written: await this.news.add({ prefix: run.job.prefix, symbol }, valid, keepFrom), rejected };
          },
          'news',
        ),
      ),
    );
  }
}
