import type { CompanyProfile, SymbolRequest } from '../datasets/company-info/company-profile.js';
import type { RequestContext } from '../datasets/dataset.js';
import type { Earnings } from '../datasets/earnings-data/earnings.js';
import type { EconomicEvent, EconomicEventsRequest } from '../datasets/economic-events/economic-event.js';
import type { NewsArticle, NewsRequest } from '../datasets/news-data/news-article.js';
import type { OptionChain, OptionsRequest } from '../datasets/options-chain/option-chain.js';
import type { QuotesAnswer, QuotesRequest } from '../datasets/stock-quotes/quote.js';
import type { Chart } from './bar.js';
import { DatasetUnsupportedError } from './provider-errors.js';

export interface BarRequest extends RequestContext {
  symbol: string;
  interval: string;
  /** Inclusive start of the window. */
  from: Date;
  /** Exclusive end of the window. */
  to: Date;
}

/**
 * Where market data comes from. Yahoo Finance is the built-in one; a host app can pass its own through
 * `SchedulerModule.forRoot({ provider })`, implementing the methods of the datasets it serves: a job
 * for a dataset whose method is missing is refused with a 400. Implementations throw the typed errors
 * of `provider-errors.ts` so the executor can tell a retryable fault from a permanent one. A value the
 * provider lacks is NaN in a number that validation checks (a bar's prices, a quote's price), not a
 * dropped item, so that validation counts it.
 */
export interface MarketDataProvider {
  /** OHLCV bars and corporate actions of `[from, to)` (dataset `historical_prices`). */
  fetchChart?(request: BarRequest): Promise<Chart>;
  /** The latest quotes of many symbols in one request (`stock_quotes`). */
  fetchQuotes?(request: QuotesRequest): Promise<QuotesAnswer>;
  /** One expiration's options chain, with the list of every expiration (`options_chain`). */
  fetchOptions?(request: OptionsRequest): Promise<OptionChain>;
  /** The company profile (`company_info`). */
  fetchProfile?(request: SymbolRequest): Promise<CompanyProfile>;
  /** Quarterly EPS and the next earnings dates (`earnings_data`). */
  fetchEarnings?(request: SymbolRequest): Promise<Earnings>;
  /** The newest articles about the symbol (`news_data`). */
  fetchNews?(request: NewsRequest): Promise<NewsArticle[]>;
  /** The releases of an economic calendar in a window (`economic_events`). */
  fetchEconomicEvents?(request: EconomicEventsRequest): Promise<EconomicEvent[]>;
}

/** The provider methods, one per dataset that a provider may serve. */
export type ProviderMethod = keyof MarketDataProvider;

export const MARKET_DATA_PROVIDER = Symbol('MARKET_DATA_PROVIDER');

/**
 * The provider's method for a dataset, bound to it. Jobs for a dataset the provider lacks are refused
 * when created; a stored one meeting a host's provider that dropped the method fails per symbol.
 */
export function providerMethod<M extends ProviderMethod>(provider: MarketDataProvider, method: M): NonNullable<MarketDataProvider[M]> {
  const call = provider[method] as ((...args: never[]) => unknown) | undefined;
  if (!call) throw new DatasetUnsupportedError(`the market-data provider has no ${method}()`);
  return call.bind(provider) as NonNullable<MarketDataProvider[M]>;
}
