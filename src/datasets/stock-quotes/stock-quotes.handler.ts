import { Inject, Injectable, Logger } from '@nestjs/common';
import { MARKET_DATA_PROVIDER, type MarketDataProvider, providerMethod } from '../../market-data/market-data-provider.js';
import { NoDataError, SymbolNotFoundError } from '../../market-data/provider-errors.js';
import { requestContext, shareScope, type DatasetHandler, type DatasetRun, type SymbolOutcome } from '../dataset-handler.js';
import { sourceOf, withSource } from '../../market-data/chain/served-by.js';
import { retentionStart } from '../retention.js';
import { SharedRequests } from '../single-flight.js';
import { failedOutcome, outcomeOf } from '../symbol-outcome.js';
import { QUOTE_STORE, type QuoteStore } from './quote-store.js';
import { validateQuotes } from './quote-validator.js';
import type { QuotesAnswer } from './quote.js';

/** Latest quotes: one provider request answers a batch of symbols, each appended to its own series. */
@Injectable()
export class StockQuotesHandler implements DatasetHandler {
  readonly dataset = 'stock_quotes';
  readonly batchSize = 50;
  private readonly logger = new Logger(StockQuotesHandler.name);

  constructor(
    @Inject(MARKET_DATA_PROVIDER) private readonly provider: MarketDataProvider,
    private readonly shared: SharedRequests,
    @Inject(QUOTE_STORE) private readonly quotes: QuoteStore,
  ) {}

  async fetch(run: DatasetRun, symbols: string[]): Promise<SymbolOutcome[]> {
    let answer: QuotesAnswer;
    try {
      const request = { symbols, ...requestContext(run, symbols.join(',')) };
      answer = await this.shared.run(`stock_quotes|${shareScope(run)}|${symbols.join(',')}`, () => providerMethod(this.provider, 'fetchQuotes')(request));
    } catch (error) {
      return symbols.map((symbol) => failedOutcome(run, symbol, error, this.logger, 'quotes'));
    }
    const keepFrom = retentionStart(run, 'stock_quotes');
    return Promise.all(
      symbols.map((symbol) =>
        outcomeOf(
          run,
          symbol,
          this.logger,
          async () => {
            const quote = Object.hasOwn(answer, symbol) ? answer[symbol] : undefined;
            if (!quote) throw new SymbolNotFoundError(`${symbol} is not in the provider's quote answer`);
            const { valid, rejected } = validateQuotes([quote]);
            if (valid.length === 0) throw new NoDataError(`the quote of ${symbol} has no finite price or time`, rejected);
            const source = sourceOf(quote);
            return { written: await this.quotes.append({ prefix: run.job.prefix, symbol }, withSource(valid, source), keepFrom), rejected, source };
          },
          'quotes',
        ),
      ),
    );
  }
}
